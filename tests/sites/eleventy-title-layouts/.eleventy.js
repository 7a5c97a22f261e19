module.exports = function () {
  return { dir: { input: "src", output: "_site" } };
};
