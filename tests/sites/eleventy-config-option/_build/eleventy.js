import markdownIt from "markdown-it";

export default function (config) {
	let md = markdownIt({
		html: true,
		linkify: true,
		typographer: true,
	});
	config.setLibrary("md", md);
	return { dir: { input: ".", includes: "_includes", data: "data" } };
}
