export default () => ({ description: "コンパイラを読む" });
