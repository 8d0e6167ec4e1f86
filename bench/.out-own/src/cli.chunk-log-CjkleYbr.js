// bench/.out/src/log.js
/**
* Structured log lines on stderr (stdout is the MCP protocol). The MCP server also forwards
* them as MCP logging notifications when the client has asked for a level.
*/
const LEVELS = {
	debug: 10,
	info: 20,
	warn: 30,
	error: 40
};
let threshold = "info";
const sinks = /* @__PURE__ */ new Set();
const setLogLevel = (l) => void (threshold = l);
const addLogSink = (s) => (sinks.add(s), () => sinks.delete(s));
function log(level, msg, fields = {}) {
	for (const s of sinks) s(level, msg, fields);
	if (LEVELS[level] < LEVELS[threshold]) return;
	process.stderr.write(JSON.stringify({
		t: (/* @__PURE__ */ new Date()).toISOString(),
		level,
		msg,
		...fields
	}) + "\n");
}

export { log as n, setLogLevel as r, addLogSink as t };
//# sourceMappingURL=cli.chunk-log-CjkleYbr.js.map