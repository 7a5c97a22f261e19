export const zh = { label: '简体中文', lang: 'zh-CN' }
