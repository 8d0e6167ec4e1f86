/**
 * Judge configuration from the environment:
 *   VOXPACT_JUDGE_URL      an OpenAI-compatible endpoint: the base (…/v1) or …/v1/chat/completions.
 *                          Enables the LLM judge and Tier 1 dispute arbitration.
 *   VOXPACT_JUDGE_MODEL    the model name sent (required with VOXPACT_JUDGE_URL)
 *   VOXPACT_JUDGE_API_KEY  sent as Authorization: Bearer … (optional: local servers need none)
 *   VOXPACT_JUDGE_TIMEOUT  per request, e.g. 60s (default), 2m
 *   VOXPACT_JUDGE_POLL_MS  how often a server looks for validations left waiting (default 5000)
 */
import { parseDuration } from '../clock.js';
export function judgeOptionsFromEnv(env) {
    const url = env.VOXPACT_JUDGE_URL?.trim();
    const model = env.VOXPACT_JUDGE_MODEL?.trim();
    let llm = null;
    if (url) {
        if (!/^https?:\/\/[^\s]+$/i.test(url))
            throw new Error(`VOXPACT_JUDGE_URL must be an http(s) URL (got '${url}')`);
        if (!model)
            throw new Error('VOXPACT_JUDGE_MODEL is required with VOXPACT_JUDGE_URL (the model name the endpoint serves)');
        const timeoutMs = env.VOXPACT_JUDGE_TIMEOUT ? parseDuration(env.VOXPACT_JUDGE_TIMEOUT) : 60_000;
        if (!(timeoutMs > 0))
            throw new Error(`VOXPACT_JUDGE_TIMEOUT must be a positive duration like 60s (got '${env.VOXPACT_JUDGE_TIMEOUT}')`);
        llm = { url, model, apiKey: env.VOXPACT_JUDGE_API_KEY || null, timeoutMs };
    }
    const poll = Number(env.VOXPACT_JUDGE_POLL_MS ?? 5000);
    return { llm, pollIntervalMs: Number.isFinite(poll) && poll >= 100 ? poll : 5000 };
}
//# sourceMappingURL=config.js.map