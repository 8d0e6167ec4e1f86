/** Discovery: browse_open_jobs (bm25 relevance, trust tie-break, filters) and search_agents. */
import { describe, expect, it } from 'vitest';
import { BrowseOpenJobsInput, SearchAgentsInput } from '../../src/schemas.js';
import { LIMITS } from '../../src/limits.js';
import { HOUR_MS, MINUTE_MS, type Agent, type Market, newMarket } from '../helpers/market.js';

const browse = (a: Agent, o: Record<string, unknown> = {}) => a.mp.browseOpenJobs(BrowseOpenJobsInput.parse(o));
const search = (a: Agent, o: Record<string, unknown> = {}) => a.mp.searchAgents(SearchAgentsInput.parse(o));

async function post(m: Market, buyer: Agent, title: string, description: string, o: Record<string, unknown> = {}) {
  m.advance(MINUTE_MS); // distinct creation times
  return m.openJob(buyer, { title, task_spec: { description }, ...o });
}

async function corpus(m: Market) {
  const buyer = m.buyer();
  const jobs = {
    legal: await post(m, buyer, 'Translate legal contract to French', 'Translation of a ten page legal contract', { required_capabilities: ['translation', 'legal'], amount: 50 }),
    report: await post(m, buyer, 'Summarise quarterly report', 'Summarise it and translate the key figures', { required_capabilities: ['summarization'], amount: 20 }),
    copy: await post(m, buyer, 'Write product descriptions', 'Copywriting for twenty products', { required_capabilities: ['copywriting'], amount: 10 }),
    pdf: await post(m, buyer, 'Extract tables from PDF files', 'Data extraction into CSV', { required_capabilities: ['extraction'], amount: 30 }),
    blog: await post(m, buyer, 'Proofread a blog post', 'English proofreading, 800 words', { amount: 5 }),
  };
  return { buyer, jobs };
}

describe('browse_open_jobs', () => {
  it('with q: ranked by relevance (bm25), non-matching jobs left out', async () => {
    const m = newMarket();
    const { jobs } = await corpus(m);
    const viewer = m.worker();
    const r = await browse(viewer, { q: 'translate contract' });
    expect(r.items.map((j) => j.id)).toEqual([jobs.legal.id, jobs.report.id]);
    expect(r.items[0].relevance!).toBeGreaterThan(r.items[1].relevance!);
    // title weighs more than description: "figures" only in a description, "report" in a title
    const r2 = await browse(viewer, { q: 'report figures legal' });
    expect(r2.items[0].id).toBe(jobs.report.id);
    // prefix matching of partial words, and punctuation is not FTS syntax
    expect((await browse(viewer, { q: 'proofr' })).items.map((j) => j.id)).toEqual([jobs.blog.id]);
    expect((await browse(viewer, { q: '"pdf" OR NEAR(* -' })).items.map((j) => j.id)).toEqual([jobs.pdf.id]);
    expect((await browse(viewer, { q: 'zebra' })).items).toEqual([]);
  });

  it('equal relevance: the buyer with the higher trust tier first, even if older', async () => {
    const m = newMarket();
    await corpus(m);
    const high = m.buyer();
    const low = m.buyer();
    m.setTrust(high.id, 95); // platinum
    m.setTrust(low.id, 45); // silver
    const fromHigh = await post(m, high, 'Index research papers', 'Build an index of research papers');
    const fromLow = await post(m, low, 'Index research papers', 'Build an index of research papers'); // newer
    const viewer = m.worker();
    const r = await browse(viewer, { q: 'index research' });
    expect(r.items.map((j) => j.id)).toEqual([fromHigh.id, fromLow.id]);
    expect(r.items[0].relevance).toBe(r.items[1].relevance);
    // Flip the trust: the order flips.
    m.setTrust(high.id, 10);
    expect((await browse(viewer, { q: 'index research' })).items.map((j) => j.id)).toEqual([fromLow.id, fromHigh.id]);
  });

  it('without q: newest first, paginated', async () => {
    const m = newMarket();
    const { jobs } = await corpus(m);
    const viewer = m.worker();
    const all = await browse(viewer);
    expect(all.items.map((j) => j.id)).toEqual([jobs.blog.id, jobs.pdf.id, jobs.copy.id, jobs.report.id, jobs.legal.id]);
    expect(all.items.every((j) => j.relevance === undefined && j.status === 'open' && j.your_role === 'none')).toBe(true);
    expect((await browse(viewer, { limit: 2, offset: 1 })).items.map((j) => j.id)).toEqual([jobs.pdf.id, jobs.copy.id]);
  });

  it('filters: capabilities, min_budget, max_budget (inclusive)', async () => {
    const m = newMarket();
    const { jobs } = await corpus(m);
    const viewer = m.worker();
    const ids = async (o: Record<string, unknown>) => (await browse(viewer, o)).items.map((j) => j.id).sort();
    expect(await ids({ capabilities: ['legal'] })).toEqual([jobs.legal.id]);
    expect(await ids({ capabilities: ['summarization'] })).toEqual([jobs.report.id]);
    expect(await ids({ capabilities: ['gardening'] })).toEqual([]);
    expect(await ids({ min_budget: 20 })).toEqual([jobs.legal.id, jobs.report.id, jobs.pdf.id].sort());
    expect(await ids({ max_budget: 20 })).toEqual([jobs.report.id, jobs.copy.id, jobs.blog.id].sort());
    expect(await ids({ min_budget: 20, max_budget: 20 })).toEqual([jobs.report.id]);
    expect(await ids({ q: 'translate', min_budget: 30 })).toEqual([jobs.legal.id]);
    expect(await ids({ q: 'translate', capabilities: ['summarization'] })).toEqual([jobs.report.id]);
  });

  it('accepted, cancelled, closed-window and direct jobs are not listed', async () => {
    const m = newMarket();
    const { buyer, jobs } = await corpus(m);
    const w = m.worker(['translation', 'legal', 'summarization']);
    await m.directJob(buyer, w, { title: 'Translate a direct contract' });
    const b = await m.bid(w, jobs.legal.id, 40);
    await buyer.mp.acceptBid(b.id);
    await m.cancel(buyer, jobs.report.id);
    const shortWindow = await post(m, buyer, 'Translate a short notice', 'translate quickly', { bid_window_hours: 1 });
    expect((await browse(w, { q: 'translate' })).items.map((j) => j.id)).toEqual([shortWindow.id]);
    m.advance(HOUR_MS); // window passed; no timer has run yet
    expect((await browse(w, { q: 'translate' })).items).toEqual([]);
    expect((await browse(w)).items.map((j) => j.id)).toEqual([jobs.blog.id, jobs.pdf.id, jobs.copy.id]);
  });
});

describe('full-text ranking within windows of the newest matches', () => {
  const W = LIMITS.search_window;

  it('browse_open_jobs: the newest window first, ranked; pages continue past it; filters count before the window', async () => {
    const m = newMarket();
    const buyers = [m.buyer(), m.buyer(), m.buyer()];
    // Oldest first: 5 very relevant matches (the word in title, description and capabilities),
    // then W weak ones (only in the description), with a non-matching job in between.
    const strong = [];
    for (let i = 0; i < 5; i++) strong.push(await post(m, buyers[i % 3], 'Audit ledger', 'audit the ledger', { required_capabilities: ['audit'], amount: 50 }));
    await post(m, buyers[0], 'Unrelated', 'nothing to see');
    const weak = [];
    for (let i = 0; i < W; i++) weak.push(await post(m, buyers[i % 3], `Task ${i}`, `a long description that mentions an audit once, item ${i}`, { amount: i % 2 ? 10 : 50 }));
    const viewer = m.worker();
    const all = async (o: Record<string, unknown>) => {
      const out = [];
      for (let offset = 0; ; offset += 20) {
        const r = await browse(viewer, { ...o, limit: 20, offset });
        out.push(...r.items);
        if (r.count < 20) return out;
      }
    };

    // The first window is the W newest matches: only weak ones, though the strong are more relevant.
    const first = await browse(viewer, { q: 'audit', limit: 20 });
    expect(first.items.every((j) => weak.some((w) => w.id === j.id))).toBe(true);
    const pages = await all({ q: 'audit' });
    expect(pages.map((j) => j.id)).toHaveLength(W + 5);
    expect(new Set(pages.map((j) => j.id)).size).toBe(W + 5); // no duplicates across pages
    // The older window holds the strong matches, ranked first within it; each window is in rank order.
    expect(pages.slice(W).map((j) => j.id).sort()).toEqual(strong.map((j) => j.id).sort());
    for (const win of [pages.slice(0, W), pages.slice(W)])
      for (let i = 1; i < win.length; i++) expect(win[i - 1].relevance!).toBeGreaterThanOrEqual(win[i].relevance!);

    // Filters apply before the window is cut: with min_budget 50 half the weak matches go, so the
    // strong ones move into the first window, where they rank first.
    const rich = await all({ q: 'audit', min_budget: 50 });
    expect(rich).toHaveLength(W / 2 + 5);
    expect(rich.slice(0, 5).map((j) => j.id).sort()).toEqual(strong.map((j) => j.id).sort());
    expect(rich.every((j) => j.amount >= 50)).toBe(true);
    expect((await all({ q: 'audit', capabilities: ['audit'] })).map((j) => j.id).sort()).toEqual(strong.map((j) => j.id).sort());
  });

  it('search_agents is not windowed: an older, more relevant agent still ranks first among many newer matches', async () => {
    const m = newMarket();
    const searcher = m.buyer();
    const strong = m.agent({ name: 'audit-auditor', description: 'Audit, audit, audit', capabilities: ['audit'], card: null });
    for (let i = 0; i < W + 5; i++) m.agent({ name: `helper-${i}`, description: `general help, an audit now and then ${i}`, capabilities: ['misc'], card: null });
    const r = await search(searcher, { q: 'audit', limit: 50 });
    expect(r.count).toBe(50);
    expect(r.items[0].id).toBe(strong.id);
    expect((await search(searcher, { q: 'audit', capabilities: ['audit'] })).items.map((a) => a.id)).toEqual([strong.id]);
    m.setTrust(strong.id, 90);
    expect((await search(searcher, { q: 'audit', min_trust_score: 80 })).items.map((a) => a.id)).toEqual([strong.id]);
  });
});

describe('search_agents', () => {
  it('q ranks by relevance; capabilities and min_trust_score filter; only active agents', async () => {
    const m = newMarket();
    const searcher = m.buyer();
    const legal = m.agent({ name: 'legal-eagle', description: 'Legal translation FR-EN', capabilities: ['translation', 'legal'], card: null });
    const summ = m.agent({ name: 'fast-summaries', description: 'Summaries of long reports', capabilities: ['summarization'], card: null });
    const general = m.agent({ name: 'translator-bot', description: 'General translation', capabilities: ['translation'], card: null });
    m.setTrust(general.id, 80);
    m.admin.registerAgent({ name: 'legal-pending', owner_email: 'p@example.com', capabilities: ['legal'], webhook_url: 'https://example.com/x' });

    const r = await search(searcher, { q: 'legal translation' });
    expect(r.items.map((a) => a.id)).toEqual([legal.id, general.id]);
    const rel = r.items as (typeof r.items[number] & { relevance?: number })[];
    expect(rel[0].relevance!).toBeGreaterThan(rel[1].relevance!);
    expect((await search(searcher, { capabilities: ['summarization'] })).items.map((a) => a.id)).toEqual([summ.id]);
    expect((await search(searcher, { capabilities: ['legal'] })).items.map((a) => a.id)).toEqual([legal.id]);
    // Several capabilities: an agent must have all of them (as the tool's description says).
    expect((await search(searcher, { capabilities: ['translation', 'legal'], limit: 50 })).items.map((a) => a.id)).toEqual([legal.id]);
    expect((await search(searcher, { capabilities: ['translation', 'translation'], limit: 50 })).items.map((a) => a.id).sort()).toEqual([legal.id, general.id].sort());
    expect((await search(searcher, { capabilities: ['summarization', 'legal'] })).items).toEqual([]);
    expect((await search(searcher, { min_trust_score: 70 })).items.map((a) => a.id)).toEqual([general.id]);
    expect((await search(searcher, { q: 'translation', min_trust_score: 60 })).items.map((a) => a.id)).toEqual([general.id]);
    // Without q: highest trust first.
    const all = await search(searcher, { limit: 50 });
    expect(all.items[0].id).toBe(general.id);
    expect(all.items.map((a) => a.name)).not.toContain('legal-pending');
    expect(all.items.every((a) => a.status === 'active')).toBe(true);
    expect(SearchAgentsInput.safeParse({ min_trust_score: 101 }).success).toBe(false);
  });
});
