// How many AWS API requests reached the emulator, by target (`AppRunner.ListServices`), whether or
// not they succeeded: a test can prove that something made no AWS call at all.
export class RequestCounts {
  private readonly byTarget = new Map<string, number>();

  count(target: string): void {
    this.byTarget.set(target, (this.byTarget.get(target) ?? 0) + 1);
  }

  snapshot(): { total: number; byTarget: Record<string, number> } {
    const byTarget = Object.fromEntries([...this.byTarget].sort(([a], [b]) => a.localeCompare(b)));
    return { total: Object.values(byTarget).reduce((sum, n) => sum + n, 0), byTarget };
  }

  clear(): void {
    this.byTarget.clear();
  }
}
