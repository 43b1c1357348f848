// prepareUpload and confirmUpload through the handlers on the real SQLite store: a photo becomes the
// caller's only at a path issued to them, once it is there, small enough and an image by its content.
import type { FileLinksResult } from '../../miniprogram/domain/contract';
import { MAX_ID_LENGTH } from '../../miniprogram/domain/limits';
import type { FileRecord } from '../../server/files/types';
import { isIssuedTo, MAX_UPLOAD_BYTES, ownerTag, UPLOAD_MESSAGES } from '../../server/files/uploads';
import { JPEG_HEAD, PNG_BYTES } from '../support/images';
import { ALICE, BOB, declarationPayload } from '../support/declarations';
import { spyOnStore } from '../support/storeSpy';
import { createWorld, unwrap, type World } from '../support/world';

let world: World;
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.close());

const prepare = async (openid: string, extension = 'png') => unwrap(await world.call<{ cloudPath: string }>(openid, 'prepareUpload', { extension })).cloudPath;
const confirm = (openid: string, fileId: unknown) => world.call<{ fileId: string }>(openid, 'confirmUpload', { fileId });
const refusedOn = (field: string, message: string) => ({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: message } } });

/** The result of a confirmation that must be refused, with proof that it wrote nothing. */
async function refusedWithoutWrites(openid: string, fileId: string): Promise<unknown> {
  const before = await world.counts();
  const spy = spyOnStore(world.store);
  try {
    const result = await confirm(openid, fileId);
    expect(spy.commits).toBe(0);
    expect(await world.counts()).toEqual(before);
    return result;
  } finally {
    spy.restore();
  }
}

describe('prepareUpload', () => {
  it('issues a fresh path under a tag of the caller, never their openid, and writes nothing', async () => {
    const before = await world.counts();
    const first = await prepare(ALICE.openid);
    const second = await prepare(ALICE.openid, 'webp');
    expect(first).toMatch(new RegExp(`^uploads/${ownerTag(ALICE.openid)}/[a-z0-9]{20}\\.png$`));
    expect(second).toMatch(/\.webp$/);
    expect(second).not.toBe(first.replace(/png$/, 'webp'));
    expect(first).not.toContain(ALICE.openid);
    expect(isIssuedTo(first, ALICE.openid)).toBe(true);
    expect(isIssuedTo(first, BOB.openid)).toBe(false);
    expect(await world.counts()).toEqual(before);
  });

  it('computes the owner tag purely: the same for one openid, different for another', () => {
    expect(ownerTag(ALICE.openid)).toBe(ownerTag(ALICE.openid));
    expect(ownerTag(ALICE.openid)).not.toBe(ownerTag(BOB.openid));
    expect(ownerTag(ALICE.openid)).toMatch(/^[a-z0-9]{20}$/);
  });

  it('names the extension when it is not jpg, png or webp', async () => {
    for (const extension of ['gif', 'JPG', 'jpeg', '', 5, null, ['png']]) {
      expect(await world.call(ALICE.openid, 'prepareUpload', { extension })).toMatchObject(refusedOn('extension', UPLOAD_MESSAGES.extension));
    }
    expect(await world.call(ALICE.openid, 'prepareUpload')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { payload: expect.any(String) } } });
  });
});

describe('confirmUpload', () => {
  it('records the caller as the owner of an image at their issued path, which they may then submit', async () => {
    world.setNow('2026-09-01T09:00:00+08:00');
    const fileId = await world.place(await prepare(ALICE.openid), PNG_BYTES);
    // Before confirmation the file is nobody's: no link, and no material may name it.
    expect(unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: [fileId] })).links).toEqual({});
    expect(unwrap(await confirm(ALICE.openid, fileId))).toEqual({ fileId });
    const record = await world.store.get<FileRecord>('files', fileId);
    expect(record).toMatchObject({ owner: ALICE.openid, mime: 'image/png', size: PNG_BYTES.length, createdAt: world.now });
    expect(Object.keys(unwrap(await world.call<FileLinksResult>(ALICE.openid, 'fileLinks', { fileIds: [fileId] })).links)).toEqual([fileId]);

    const payload = await declarationPayload(world, ALICE);
    const proof = await world.uploadConfirmed(ALICE.openid, Buffer.concat([JPEG_HEAD, Buffer.alloc(100)]));
    expect((await world.store.get<FileRecord>('files', proof))?.mime).toBe('image/jpeg');
    const submitted = await world.call(ALICE.openid, 'submitDeclaration', { ...payload, materials: { idFront: fileId, proofs: [proof] } }, 'r-confirmed');
    expect(submitted).toMatchObject({ ok: true });
  });

  it('answers a repeat with the same, writing nothing more', async () => {
    const fileId = await world.uploadConfirmed(ALICE.openid);
    const before = await world.counts();
    const spy = spyOnStore(world.store);
    expect(unwrap(await confirm(ALICE.openid, fileId))).toEqual({ fileId });
    expect(spy.commits).toBe(0);
    spy.restore();
    expect(await world.counts()).toEqual(before);
  });

  it('answers two confirmations at once the same, with one record', async () => {
    const fileId = await world.place(await prepare(ALICE.openid));
    const before = (await world.counts()).files;
    const answers = await Promise.all([confirm(ALICE.openid, fileId), confirm(ALICE.openid, fileId), confirm(ALICE.openid, fileId)]);
    expect(answers.map(unwrap)).toEqual([{ fileId }, { fileId }, { fileId }]);
    expect((await world.counts()).files).toBe(before + 1);
  });

  it('refuses a file at another caller’s path, and leaves it for them to confirm', async () => {
    const bobs = await world.place(await prepare(BOB.openid));
    expect(await refusedWithoutWrites(ALICE.openid, bobs)).toMatchObject(refusedOn('fileId', UPLOAD_MESSAGES.notYours));
    expect(unwrap(await confirm(BOB.openid, bobs))).toEqual({ fileId: bobs });
  });

  it('refuses a path never issued: another form, another folder, a made-up tag', async () => {
    const issued = await prepare(ALICE.openid);
    const name = issued.split('/')[2].replace('.png', '');
    const forms = [
      world.files.fileIdFor(`uploads/${'a'.repeat(20)}/${name}.png`),
      `u-${ownerTag(ALICE.openid)}-${name}.gif`,
      `u-${ownerTag(ALICE.openid)}-short.png`,
      `../files/${name}.png`,
      'no-such-file',
      'f-nosuchfilenosuchfile',
    ];
    for (const fileId of forms)
      expect({ fileId, result: await refusedWithoutWrites(ALICE.openid, fileId) }).toMatchObject({ fileId, result: refusedOn('fileId', UPLOAD_MESSAGES.notYours) });
  });

  it('refuses a path issued but never uploaded to', async () => {
    const fileId = world.files.fileIdFor(await prepare(ALICE.openid));
    expect(await refusedWithoutWrites(ALICE.openid, fileId)).toMatchObject(refusedOn('fileId', UPLOAD_MESSAGES.notYours));
  });

  it('refuses a file that is not an image by its content, whatever its name says', async () => {
    for (const bytes of [Buffer.from('%PDF-1.7 not an image'), Buffer.alloc(0), Buffer.from([0xff, 0xd8])]) {
      const fileId = await world.place(await prepare(ALICE.openid), bytes);
      expect(await refusedWithoutWrites(ALICE.openid, fileId)).toMatchObject(refusedOn('fileId', UPLOAD_MESSAGES.notImage));
    }
  });

  it('takes a photo of exactly 10 MiB and refuses one byte more', async () => {
    const ofSize = (size: number) => Buffer.concat([PNG_BYTES, Buffer.alloc(size - PNG_BYTES.length)]);
    const over = await world.place(await prepare(ALICE.openid), ofSize(MAX_UPLOAD_BYTES + 1));
    expect(await refusedWithoutWrites(ALICE.openid, over)).toMatchObject(refusedOn('fileId', UPLOAD_MESSAGES.tooLarge));
    const exact = await world.place(await prepare(ALICE.openid), ofSize(MAX_UPLOAD_BYTES));
    expect(unwrap(await confirm(ALICE.openid, exact))).toEqual({ fileId: exact });
    expect((await world.store.get<FileRecord>('files', exact))?.size).toBe(MAX_UPLOAD_BYTES);
  });

  it('refuses a file recorded for someone else, even at a path of the caller', async () => {
    const bobsUpload = await world.upload(BOB.openid);
    expect(await refusedWithoutWrites(ALICE.openid, bobsUpload)).toMatchObject(refusedOn('fileId', UPLOAD_MESSAGES.notYours));
    const atAlicesPath = await world.place(await prepare(ALICE.openid));
    await world.store.commit([
      { op: 'create', collection: 'files', id: atAlicesPath, doc: { owner: BOB.openid, mime: 'image/png', size: PNG_BYTES.length, createdAt: world.now } },
    ]);
    expect(await refusedWithoutWrites(ALICE.openid, atAlicesPath)).toMatchObject(refusedOn('fileId', UPLOAD_MESSAGES.notYours));
  });

  it('answers the caller’s own upload recorded by the local host at once (no path) as confirmed', async () => {
    const own = await world.upload(ALICE.openid);
    expect(unwrap(await confirm(ALICE.openid, own))).toEqual({ fileId: own });
  });

  it('names fileId when it is missing or not an id, and needs no request id', async () => {
    for (const fileId of [undefined, '', 5, null, 'has space', 'x'.repeat(MAX_ID_LENGTH + 1), ['f-x']]) {
      expect(await world.call(ALICE.openid, 'confirmUpload', { fileId })).toMatchObject(refusedOn('fileId', UPLOAD_MESSAGES.fileId));
    }
  });
});
