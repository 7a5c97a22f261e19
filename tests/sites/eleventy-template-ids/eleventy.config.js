export default function () {
  return { dir: { input: ".", includes: "includes", layouts: "layouts" } };
}
