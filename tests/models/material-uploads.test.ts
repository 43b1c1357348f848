// The uploads step's model: which materials are asked for, each photo's state across restarts, and every material's problem.
import {
  PICK_AGAIN,
  fileIdsOf,
  listsFromMaterials,
  materialProblems,
  materialsOf,
  pickAgainProblems,
  pickedItem,
  requirementsFor,
  restoreLists,
  withLinks,
} from '../../miniprogram/components/material-uploads/model';
import { MAX_PROOFS } from '../../miniprogram/domain/materials';
import { done, failed, link, lostItem, requirement, uploadedFrom, uploading } from './support';

const PICK_AGAIN_PROBLEM = '标着“请重新选择”的照片没有上传成功，请点照片右上角的 × 删除，再点“添加照片”重新选择';
const fields = (list: { field: string }[]) => list.map((r) => r.field);

describe('the materials asked for', () => {
  it('for a rented home’s declaration: the ID front and up to five proofs', () => {
    const list = requirementsFor('declaration', 'rent', undefined);
    expect(list.map((r) => [r.field, r.max, r.multiple])).toEqual([
      ['idFront', 1, false],
      ['proofs', MAX_PROOFS, true],
    ]);
    expect(list[1].label).toBe('居住地址证明');
  });

  it('for a relative’s home: the relation statement too; for a permit: the person’s photo too', () => {
    expect(fields(requirementsFor('declaration', 'relative', undefined))).toEqual(['idFront', 'proofs', 'relationStatement']);
    expect(fields(requirementsFor('permit', 'rent', undefined))).toEqual(['idFront', 'proofs', 'photo']);
  });

  it('for a replacement: no proofs, and the old card only when it was damaged', () => {
    expect(fields(requirementsFor('reissue', 'rent', 'damaged'))).toEqual(['idFront', 'photo', 'damagedCard']);
    expect(fields(requirementsFor('reissue', 'rent', 'lost'))).toEqual(['idFront', 'photo']);
  });

  it('for a correction: only the fields named, and none when it names none', () => {
    expect(fields(requirementsFor('declaration', 'relative', undefined, ['proofs']))).toEqual(['proofs']);
    expect(requirementsFor('declaration', 'rent', undefined, [])).toEqual([]);
    // A field the service does not need is never asked for, even when named.
    expect(fields(requirementsFor('declaration', 'rent', undefined, ['photo', 'proofs']))).toEqual(['proofs']);
  });
});

it('starts a photo just picked as uploading from its local path, with no file id', () => {
  expect(pickedItem('wxfile://tmp/a.jpg')).toEqual({ key: 'wxfile://tmp/a.jpg', url: 'wxfile://tmp/a.jpg', status: 'uploading', message: '0%', isImage: true });
});

describe('a draft’s lists after a restart', () => {
  it('keep an uploaded photo by its file id', () => {
    const lists = restoreLists({ idFront: [{ key: 'wxfile://a', url: 'wxfile://a', status: 'done', fileId: 'f-id' }] });
    expect(lists.idFront).toEqual([{ key: 'f-id', url: 'wxfile://a', status: 'done', message: '', fileId: 'f-id', isImage: true }]);
  });

  it('mark a photo that had not finished uploading, or had failed, to be picked again', () => {
    const lists = restoreLists({
      proofs: [
        { key: 'wxfile://a', url: 'wxfile://a', status: 'uploading', message: '40%' },
        { key: 'wxfile://b', url: 'wxfile://b', status: 'failed', message: '点此重试' },
        { key: 'wxfile://c', url: 'wxfile://c', status: 'done', fileId: '' },
      ],
    });
    expect(lists.proofs).toHaveLength(3);
    for (const item of lists.proofs ?? []) expect(item).toMatchObject({ status: 'failed', message: PICK_AGAIN, lost: true, url: '' });
    expect(lists.proofs?.some((i) => i.fileId)).toBe(false);
  });

  it('give each photo to pick again a key of its own, across materials', () => {
    const lists = restoreLists({ idFront: [{ status: 'uploading' }], proofs: [{ status: 'uploading' }, { status: 'failed' }] });
    const keys = [...(lists.idFront ?? []), ...(lists.proofs ?? [])].map((i) => i.key);
    expect(new Set(keys).size).toBe(3);
  });

  it('hold nothing from a draft that is not lists of photos', () => {
    expect(restoreLists(null)).toEqual({});
    expect(restoreLists('proofs')).toEqual({});
    expect(restoreLists({ proofs: 'f-1', idFront: [null, 3, { status: 'done', fileId: 'f-id' }] })).toEqual({ idFront: [done('f-id', '')] });
  });
});

describe('what an application already holds', () => {
  it('becomes kept photos, single or many, each through the resolver', () => {
    const lists = listsFromMaterials({ idFront: link('f-id'), proofs: [link('f-p1'), link('f-p2')] }, ['idFront', 'proofs'], (url) => `resolved:${url}`);
    // Links just made: the step uses them as they are, and a draft never keeps them so.
    expect(lists.idFront).toEqual([{ ...done('f-id', 'resolved:https://files.example/f-id'), fresh: true }]);
    expect(restoreLists(lists, { keepFresh: true }).idFront?.[0]?.fresh).toBe(true);
    expect(restoreLists(lists).idFront?.[0]?.fresh).toBeUndefined();
    expect(lists.proofs?.map((i) => [i.key, i.status])).toEqual([
      ['f-p1', 'done'],
      ['f-p2', 'done'],
    ]);
  });

  it('only for the materials asked for, and not for one the application lacks', () => {
    const lists = listsFromMaterials({ idFront: link('f-id'), proofs: [link('f-p1')] }, ['proofs', 'relationStatement'], (url) => url);
    expect(Object.keys(lists)).toEqual(['proofs']);
  });
});

it('names every uploaded file once, and no photo still uploading', () => {
  expect(fileIdsOf({ idFront: [done('f-id')], proofs: [done('f-p1'), uploading('wxfile://b'), uploadedFrom('wxfile://c', 'f-p1')] })).toEqual(['f-id', 'f-p1']);
  expect(fileIdsOf({})).toEqual([]);
});

describe('fresh links', () => {
  it('replace a kept photo’s link, leaving photos in progress as they are', () => {
    const lists = withLinks({ proofs: [done('f-p1', 'old'), uploading('wxfile://b', '40%'), failed('wxfile://c')] }, { 'f-p1': 'fresh' });
    expect(lists.proofs).toEqual([done('f-p1', 'fresh'), uploading('wxfile://b', '40%'), failed('wxfile://c')]);
  });

  it('make a kept photo the backend no longer links to one to pick again', () => {
    const lists = withLinks({ idFront: [done('f-gone')] }, {});
    expect(lists.idFront).toEqual([expect.objectContaining({ status: 'failed', message: PICK_AGAIN, lost: true })]);
    expect(lists.idFront?.[0].fileId).toBeUndefined();
  });

  it('keep every photo’s key unique in its list when a restored draft loses a link', () => {
    const lists = withLinks(restoreLists({ proofs: [{ status: 'uploading' }, { status: 'done', fileId: 'f-1' }] }), {});
    expect(lists.proofs).toHaveLength(2);
    expect(new Set(lists.proofs?.map((i) => i.key)).size).toBe(2);
  });
});

describe('every material’s problem', () => {
  const declaration = [requirement('idFront'), requirement('proofs')];

  it('asks for each material with nothing picked, by name', () => {
    expect(materialProblems(declaration, {})).toEqual({ idFront: '请上传身份证人像面照片', proofs: '请上传居住地址证明' });
  });

  it('says a photo still uploading or failed is not uploaded yet', () => {
    const message = '“居住地址证明”还有照片没有上传成功，请重试或删除';
    expect(materialProblems(declaration, { idFront: [done('f-id')], proofs: [done('f-p1'), uploading('wxfile://b')] })).toEqual({ proofs: message });
    expect(materialProblems(declaration, { idFront: [done('f-id')], proofs: [failed('wxfile://b')] })).toEqual({ proofs: message });
  });

  it('says how to replace a photo to pick again, before anything else about that material', () => {
    expect(materialProblems(declaration, { idFront: [done('f-id')], proofs: [failed('wxfile://b'), lostItem(0)] })).toEqual({ proofs: PICK_AGAIN_PROBLEM });
  });

  it('holds single materials to one photo and the proofs to five', () => {
    const six = Array.from({ length: MAX_PROOFS + 1 }, (_, i) => done(`f-p${i}`));
    expect(materialProblems(declaration, { idFront: [done('f-a'), done('f-b')], proofs: six })).toEqual({
      idFront: '身份证人像面照片只能上传 1 张',
      proofs: `居住地址证明最多 ${MAX_PROOFS} 张`,
    });
    expect(materialProblems(declaration, { idFront: [done('f-a')], proofs: six.slice(0, MAX_PROOFS) })).toEqual({});
  });

  it('says nothing of a material not required', () => {
    expect(materialProblems([requirement('proofs')], { proofs: [done('f-p1')], relationStatement: [lostItem(0)] })).toEqual({});
  });

  it('names at once only the materials holding a photo to pick again', () => {
    expect(pickAgainProblems(declaration, { idFront: [], proofs: [done('f-p1'), lostItem(0)] })).toEqual({ proofs: PICK_AGAIN_PROBLEM });
    expect(pickAgainProblems(declaration, {})).toEqual({});
  });
});

describe('the materials to submit', () => {
  const relative = [requirement('idFront'), requirement('proofs'), requirement('relationStatement')];

  it('are the file ids, one for a single material and a list for the proofs, once every photo is uploaded', () => {
    const result = materialsOf(relative, {
      idFront: [uploadedFrom('wxfile://id', 'f-id')],
      proofs: [done('f-p1'), uploadedFrom('wxfile://p2', 'f-p2')],
      relationStatement: [done('f-r')],
    });
    expect(result).toEqual({ materials: { idFront: 'f-id', proofs: ['f-p1', 'f-p2'], relationStatement: 'f-r' }, problems: {} });
  });

  it('leave out a list the service no longer asks for (a kind of residence changed back)', () => {
    const result = materialsOf([requirement('proofs')], { proofs: [done('f-p1')], relationStatement: [done('f-r')] });
    expect(result.materials).toEqual({ proofs: ['f-p1'] });
  });

  it('are withheld while anything is wrong, saying the first problem in upload order and listing all', () => {
    const result = materialsOf(relative, { relationStatement: [uploading('wxfile://r')], proofs: [done('f-p1')] });
    expect(result.materials).toBeUndefined();
    expect(result.missing).toBe('请上传身份证人像面照片');
    expect(result.problems).toEqual({ idFront: '请上传身份证人像面照片', relationStatement: '“关系说明”还有照片没有上传成功，请重试或删除' });
  });

  it('are nothing at all for a correction that asks for no materials', () => {
    expect(materialsOf([], { proofs: [lostItem(0)] })).toEqual({ materials: {}, problems: {} });
  });
});
