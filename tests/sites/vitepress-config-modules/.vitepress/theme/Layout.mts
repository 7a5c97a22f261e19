// srcDir: "theme-pages" is a string of this component, not a setting
export default { name: "Layout", srcDir: "theme-pages" };
