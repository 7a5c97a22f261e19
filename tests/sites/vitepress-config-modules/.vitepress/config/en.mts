export default () => ({ description: "A walk through the compiler" });
