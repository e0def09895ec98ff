#!/usr/bin/env node
import { setTimeout } from "node:timers";
import { main } from "../lib/cli/index.js";

process.exitCode = await main(process.argv.slice(2));
// User code's leftovers (a config's setInterval, a plugin's open socket) must not keep a
// finished or interrupted command alive. Unref'd, this timer never delays an exit itself.
setTimeout(() => process.exit(), 200).unref();
