// The memory cloud's 云调用 (open API): reads the protobuf wx-server-sdk wraps a call in (`wx.openApi`)
// and wraps the test's WeChat JSON answer the way the cloud does, so wx-server-sdk decodes it.
import { protobuf } from './sdk';

// The messages as wx-server-sdk's bundle defines them (src/protobuf/openapi.js), with its field numbers.
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 }, contenttype: { type: 'string', id: 3 }, filename: { type: 'string', id: 4 } },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      // apiType is an enum of wx-server-sdk (OPEN_API, SVRKIT_API…): its number is enough here.
      fields: { apiType: { type: 'int32', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

export type OpenApiHandler = (api: string, data: Record<string, unknown>) => unknown;

/** The request's data as WeChat receives it: snake_case keys (wx-server-sdk converts them), values parsed. */
export function decodeOpenApiRequest(requestData: unknown): Record<string, unknown> {
  if (!Buffer.isBuffer(requestData)) throw new Error('wx.openApi without a protobuf requestData');
  const message = CommApiData.toObject(CommApiData.decode(requestData), { bytes: Buffer, defaults: false }) as {
    openapiData?: { pairs?: { key: string; value?: Buffer }[] };
  };
  const pairs = message.openapiData?.pairs ?? [];
  return Object.fromEntries(pairs.map(({ key, value }) => [key, JSON.parse((value ?? Buffer.alloc(0)).toString('utf8'))]));
}

/** WeChat's JSON answer (e.g. `{ errcode: 0, errmsg: 'ok' }`), as the body the cloud returns. */
export function encodeOpenApiResponse(json: unknown): Buffer {
  const message = { respData: Buffer.from(JSON.stringify(json)), contentType: 'application/json; charset=utf-8', httpCode: 200 };
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}
