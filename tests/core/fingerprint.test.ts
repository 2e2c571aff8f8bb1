import { expect } from '@open-wc/testing';
import { fingerprint, sign, verify, sha256Hex, sha256HexSync } from '../../src/core/fingerprint.js';

// Computed independently with Node:
//   require('crypto').createHash('sha256').update('{"a":"谈话","b":1}', 'utf8').digest('hex')
const TINY_DIGEST = '31ad2bf8efee78e885cb692cda47a0995df053b6d64e3b1160a23563cb5b8fc5';

const record = () => ({
  recordNo: '一组-谈-001',
  interviewee: { name: '张三', unit: '某乡人民政府', post: '副乡长' },
  place: '巡察组谈话室',
  transcript: [{ question: '请介绍分管工作。', answer: '我分管农业农村工作。' }],
  score: 1,
});

describe('fingerprint', () => {
  it('matches a digest computed independently (canonical JSON, UTF-8, SHA-256)', async () => {
    expect(await fingerprint({ b: 1, a: '谈话' })).to.equal(TINY_DIGEST);
    expect(await fingerprint({ a: '谈话', b: 1.0, signature: { digest: 'x' } }), 'signature is left out').to.equal(TINY_DIGEST);
    expect(await sha256Hex('{"a":"谈话","b":1}')).to.equal(TINY_DIGEST);
  });

  it('is the same for the same record in another key order', async () => {
    const a = record();
    const b = {
      score: 1,
      transcript: [{ answer: '我分管农业农村工作。', question: '请介绍分管工作。' }],
      place: '巡察组谈话室',
      interviewee: { post: '副乡长', unit: '某乡人民政府', name: '张三' },
      recordNo: '一组-谈-001',
    };
    const fa = await fingerprint(a);
    expect(fa).to.match(/^[0-9a-f]{64}$/);
    expect(await fingerprint(b)).to.equal(fa);
  });

  it('changes when one character changes', async () => {
    const a = record();
    const b = record();
    b.transcript[0]!.answer = '我分管农业农村工作！';
    expect(await fingerprint(b)).not.to.equal(await fingerprint(a));
  });

  it('signs and verifies', async () => {
    const signed = await sign(record(), '2026-11-26T10:30:00+08:00');
    expect(signed.signature.algorithm).to.equal('SHA-256');
    expect(signed.signature.signedAt).to.equal('2026-11-26T10:30:00+08:00');
    expect(signed.signature.digest).to.equal(await fingerprint(record()));
    expect(await verify(signed)).to.equal(true);
    expect(await verify(JSON.parse(JSON.stringify(signed)))).to.equal(true);
    const tampered = { ...signed, place: '会议室' };
    expect(await verify(tampered)).to.equal(false);
    expect(await verify(record()), 'no signature').to.equal(false);
    expect(await verify({ ...signed, signature: { ...signed.signature, algorithm: 'MD5' } })).to.equal(false);
    const resigned = await sign(signed, '2026-11-27T09:00:00+08:00');
    expect(resigned.signature.digest, 'an old signature never takes part').to.equal(signed.signature.digest);
  });

  it('computes SHA-256 without crypto.subtle (plain-http intranets)', async () => {
    expect(sha256HexSync('')).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexSync('a'.repeat(1000))).to.equal('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
    expect(sha256HexSync('{"a":"谈话","b":1}')).to.equal(TINY_DIGEST);
    for (const n of [55, 56, 63, 64, 65, 119, 120]) {
      const text = 'x'.repeat(n);
      expect(sha256HexSync(text), `length ${n}`).to.equal(await sha256Hex(text));
    }
  });
});
