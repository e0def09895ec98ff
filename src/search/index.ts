export { searchPlugin, SEARCH_DIR } from "./search-plugin.js";
