// How the benches wait for a transaction's receipt: asked at once, then after a pause doubling from
// 5 ms up to the services' polling interval (100 ms), as the services' own receipt processor does,
// so a raw baseline waits the way the service it is compared with waits.
import { Fatal } from '../dev/demo/platform.mjs';

export const RECEIPT_FIRST_PAUSE_MS = 5;
export const RECEIPT_POLL_MS = 100;
const RECEIPT_TIMEOUT_MS = 30_000;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The mined receipt of `txHash`; a reverted transaction or none within 30 s is a Fatal. */
export async function receiptOf(platform, txHash) {
  const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
  let pause = RECEIPT_FIRST_PAUSE_MS;
  for (;;) {
    const receipt = await platform.rpc('eth_getTransactionReceipt', [txHash], { retry: false });
    if (receipt) {
      if (receipt.status !== '0x1') throw new Fatal(`transaction ${txHash} reverted`);
      return receipt;
    }
    if (Date.now() > deadline) throw new Fatal(`no receipt for ${txHash} after ${RECEIPT_TIMEOUT_MS} ms`);
    await sleep(pause);
    pause = Math.min(pause * 2, RECEIPT_POLL_MS);
  }
}
