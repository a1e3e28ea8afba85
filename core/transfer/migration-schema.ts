/**
 * Google Authenticator's transfer payload (MigrationPayload), declared in
 * code for protobufjs. Field numbers and enums follow Google's
 * google_auth.proto as documented in the shared vectors' README (migration/).
 */
import protobuf from 'protobufjs';

const root = protobuf.Root.fromJSON({
  nested: {
    MigrationPayload: {
      fields: {
        otpParameters: { rule: 'repeated', type: 'OtpParameters', id: 1 },
        version: { type: 'int32', id: 2 },
        batchSize: { type: 'int32', id: 3 },
        batchIndex: { type: 'int32', id: 4 },
        // Often negative: a 10-byte varint on the wire, read as int32 (protobufjs does).
        batchId: { type: 'int32', id: 5 },
      },
      nested: {
        OtpParameters: {
          fields: {
            secret: { type: 'bytes', id: 1 },
            name: { type: 'string', id: 2 },
            issuer: { type: 'string', id: 3 },
            algorithm: { type: 'int32', id: 4 }, // 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
            digits: { type: 'int32', id: 5 }, // 0 unspecified, 1 six, 2 eight
            type: { type: 'int32', id: 6 }, // 0 unspecified, 1 HOTP, 2 TOTP
            counter: { type: 'int64', id: 7 },
            uniqueId: { type: 'string', id: 8 },
          },
        },
      },
    },
  },
});

export const MigrationPayload = root.lookupType('MigrationPayload');

export interface RawOtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: number;
}

export interface RawMigrationPayload {
  otpParameters: RawOtpParameters[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

/** Decodes bytes (throws on malformed protobuf) into plain values with defaults for absent fields. */
export function decodePayload(bytes: Uint8Array): RawMigrationPayload {
  const message = MigrationPayload.decode(bytes);
  const plain = MigrationPayload.toObject(message, { longs: String, defaults: true, arrays: true, bytes: Array });
  const params = (plain.otpParameters as Record<string, unknown>[]).map((p) => ({
    secret: Uint8Array.from(p.secret as number[]),
    name: p.name as string,
    issuer: p.issuer as string,
    algorithm: p.algorithm as number,
    digits: p.digits as number,
    type: p.type as number,
    counter: Number(p.counter as string),
  }));
  return {
    otpParameters: params,
    version: plain.version as number,
    batchSize: plain.batchSize as number,
    batchIndex: plain.batchIndex as number,
    batchId: plain.batchId as number,
  };
}

export function encodePayload(payload: RawMigrationPayload): Uint8Array {
  const message = MigrationPayload.fromObject({
    ...payload,
    otpParameters: payload.otpParameters.map((p) => ({ ...p, counter: String(p.counter) })),
  });
  return MigrationPayload.encode(message).finish();
}
