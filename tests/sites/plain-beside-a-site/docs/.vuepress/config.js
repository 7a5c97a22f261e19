module.exports = { title: "Notes" };
