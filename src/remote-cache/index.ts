export { pullRemoteCache, type RemoteCache, type RemoteCacheOptions } from "./remote-cache.js";
