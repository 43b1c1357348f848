// fileLinks: fresh short-lived links to the caller's own uploads, nothing about anyone else's, and no writes.
import type { FileLinksResult } from '../../miniprogram/domain/contract';
import { FIELD_MESSAGES } from '../../miniprogram/domain/errors';
import { ALICE, BOB } from '../support/declarations';
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
