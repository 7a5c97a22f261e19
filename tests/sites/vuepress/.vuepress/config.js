import { defineUserConfig } from 'vuepress';

export default defineUserConfig({
  title: 'Fixture book',
  markdown: { importCode: { handleImportPath: (path) => path.replace(/^@snippets/, '../snippets') } },
});
