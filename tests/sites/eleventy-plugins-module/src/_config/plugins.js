import {markdownLib} from './plugins/markdown.js';

export default {
  markdownLib
};
