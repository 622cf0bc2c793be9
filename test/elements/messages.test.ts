import { expect } from '@open-wc/testing';
import { UsersApiError } from '@jt-users/sdk';
import { en, errorMessage, loadStrings } from '@jt-users/elements';

const rateLimited = (retryAfterSeconds?: number) =>
  new UsersApiError('rate_limited', 'Too Many Requests', { status: 429, retryAfterSeconds });

describe('error messages', () => {
  it('say how long to wait after a 429, in words that fit the number', async () => {
    const de = await loadStrings('de');
    const read = (seconds: number | undefined) => [
      errorMessage(rateLimited(seconds), en, 'en'),
      errorMessage(rateLimited(seconds), de, 'de'),
    ];
    expect(read(undefined)).to.deep.equal([
      'Too many requests. Try again in a moment.',
      'Zu viele Anfragen. Versuchen Sie es gleich noch einmal.',
    ]);
    // Retry-After: 0 says "now": no count of seconds to read.
    expect(read(0)).to.deep.equal(read(undefined));
    expect(read(1)).to.deep.equal([
      'Too many requests. Try again in 1 second.',
      'Zu viele Anfragen. Versuchen Sie es in einer Sekunde noch einmal.',
    ]);
    expect(read(1200)).to.deep.equal([
      'Too many requests. Try again in 1,200 seconds.',
      'Zu viele Anfragen. Versuchen Sie es in 1.200 Sekunden noch einmal.',
    ]);
  });

  it('never pass on the server’s own wording', () => {
    const error = new UsersApiError('forbidden', 'Forbidden: role=member', { status: 403 });
    expect(errorMessage(error, en, 'en')).to.equal(en.errorForbidden);
    expect(errorMessage(new Error('boom'), en, 'en')).to.equal(en.errorUnknown);
  });
});
