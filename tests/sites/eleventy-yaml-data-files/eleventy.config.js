import { load as yamlLoad } from "js-yaml";

export default (config) => {
  // Each article keeps its data beside it, in `index.yml`.
  config.addDataExtension("yml", (contents) => yamlLoad(contents));

  return {
    dir: { input: "src" },
  };
};
