const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A money amount in the browser's number style, without a currency (the dealership's own). */
export function formatAmount(amount: number): string {
  return amountFormat.format(amount);
}

export function dealCountLabel(count: number): string {
  return `${count} ${count === 1 ? 'deal' : 'deals'}`;
}
