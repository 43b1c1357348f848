// fileLinks: fresh short-lived links to the caller's own uploads, nothing about anyone else's, and no writes;
// and every response that shows files asks the file-links port once.
import type { ApplicationDetail, FileLink, FileLinksResult, StaffApplication } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { linksInBatches } from '../../server/files/links';
import { MAX_LINKS_PER_CALL } from '../../server/files/types';
import { ALICE, BOB, declarationPayload } from '../support/declarations';
import { createWorld, unwrap, type World } from '../support/world';

let world: World;
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.close());

/** Whether a link the handler gave would open its file on the host right now (the host's own check). */
function opens(fileId: string, link: string): boolean {
  const url = new URL(link, 'http://host');
  if (url.pathname !== `/api/files/${encodeURIComponent(fileId)}`) return false;
  return world.files.linkIsValid(fileId, url.searchParams.get('expires') ?? '', url.searchParams.get('signature') ?? '', world.now);
}

it('gives a working short-lived link for each of the caller’s own files', async () => {
  const mine = [await world.upload(ALICE.openid), await world.upload(ALICE.openid)];
  const { links } = unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: mine }));
  expect(Object.keys(links).sort()).toEqual([...mine].sort());
  for (const id of mine) expect(opens(id, links[id])).toBe(true);
  // Short-lived: an hour later the same link no longer opens the file.
  world.now += 60 * 60 * 1000;
  expect(opens(mine[0], links[mine[0]])).toBe(false);
});

it('leaves out another person’s file exactly like one that does not exist', async () => {
  const mine = await world.upload(ALICE.openid);
  const bobs = await world.upload(BOB.openid);
  const { links } = unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: [mine, bobs, 'f-does-not-exist'] }));
  expect(Object.keys(links)).toEqual([mine]);
  const onlyOthers = unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: [bobs] }));
  const onlyMissing = unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: ['f-does-not-exist'] }));
  expect(onlyOthers).toEqual({ links: {} });
  expect(onlyMissing).toEqual(onlyOthers);
});

it('refuses more than ten ids, none, or anything but strings, on fileIds, before looking anything up', async () => {
  const mine = await world.upload(ALICE.openid);
  const lookups = jest.spyOn(world.store, 'get');
  const refused = { ok: false, error: { code: 'INVALID_INPUT', fields: { fileIds: FIELD_MESSAGES.fileIds } } };
  for (const fileIds of [Array(11).fill(mine), [], [mine, 7], [mine, null], [{ id: mine }], mine, undefined, ['']]) {
    expect({ fileIds, result: await world.call(ALICE.openid, 'fileLinks', { fileIds }) }).toMatchObject({ fileIds, result: refused });
  }
  expect(lookups).not.toHaveBeenCalled();
  expect(await world.call(ALICE.openid, 'fileLinks')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { payload: FIELD_MESSAGES.payload } } });
  lookups.mockRestore();
  // Ten is allowed, and a repeated id is answered once.
  const ten = unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: Array(10).fill(mine) }));
  expect(Object.keys(ten.links)).toEqual([mine]);
});

it('writes nothing and needs no request id', async () => {
  const mine = await world.upload(ALICE.openid);
  const before = await world.counts();
  expect((await world.call(ALICE.openid, 'fileLinks', { fileIds: [mine] })).ok).toBe(true);
  expect((await world.call(ALICE.openid, 'fileLinks', { fileIds: Array(11).fill(mine) })).ok).toBe(false);
  expect(await world.counts()).toEqual(before);
});

describe('links come from one call of the file-links port per response', () => {
  /** A declaration with seven files: the ID front, five proofs and a relation statement. */
  async function sevenFiles(): Promise<{ id: string; fileIds: string[] }> {
    const payload = await declarationPayload(world, ALICE, { residence: { kind: 'relative' } });
    const materials = {
      idFront: await world.upload(ALICE.openid),
      proofs: await Promise.all([1, 2, 3, 4, 5].map(() => world.upload(ALICE.openid))),
      relationStatement: await world.upload(ALICE.openid),
    };
    const { id } = unwrap(await world.call<{ id: string }>(ALICE.openid, 'submitDeclaration', { ...payload, materials }, 'r-seven'));
    return { id, fileIds: [materials.idFront, ...materials.proofs, materials.relationStatement] };
  }

  it('in the resident’s and the staff’s view of an application', async () => {
    const { id, fileIds } = await sevenFiles();
    await world.grant('officer', ['430104']);
    const port = jest.spyOn(world.files, 'linksFor');
    const detail = unwrap(await world.call<ApplicationDetail>(ALICE.openid, 'getApplication', { id }));
    expect(port).toHaveBeenCalledTimes(1);
    expect([...port.mock.calls[0][0]].sort()).toEqual([...fileIds].sort());
    const proofs = detail.materials.proofs as FileLink[];
    expect(proofs).toHaveLength(5);
    for (const { fileId, url } of proofs) expect(opens(fileId, url)).toBe(true);
    port.mockClear();
    const full = unwrap(await world.staff<StaffApplication>('officer', 'getApplication', { id }));
    expect(port).toHaveBeenCalledTimes(1);
    expect(opens(fileIds[6], (full.materials.relationStatement as FileLink).url)).toBe(true);
    port.mockRestore();
  });

  it('in fileLinks, for the caller’s own files only', async () => {
    const mine = [await world.upload(ALICE.openid), await world.upload(ALICE.openid), await world.upload(ALICE.openid)];
    const bobs = await world.upload(BOB.openid);
    const port = jest.spyOn(world.files, 'linksFor');
    unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: [...mine, bobs] }));
    expect(port).toHaveBeenCalledTimes(1);
    expect(port.mock.calls[0][0]).toEqual(mine);
    // Nothing to link: the port is not asked at all.
    unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: [bobs] }));
    expect(port).toHaveBeenCalledTimes(1);
    port.mockRestore();
  });

  it('which an adapter splits into calls of at most 50 distinct ids', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `f-${i}`);
    const batches: string[][] = [];
    const links = await linksInBatches([...ids, ...ids.slice(0, 10)], async (batch) => {
      batches.push(batch);
      return Object.fromEntries(batch.map((id) => [id, `link:${id}`]));
    });
    expect(batches.map((b) => b.length)).toEqual([MAX_LINKS_PER_CALL, MAX_LINKS_PER_CALL, 20]);
    expect(Object.keys(links)).toHaveLength(120);
    expect(links['f-119']).toBe('link:f-119');
    expect(MAX_LINKS_PER_CALL).toBe(50);
  });
});
