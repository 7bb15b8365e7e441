// Which deployments this window is deploying or deleting right now, so a second Deploy (a second
// click, the code lens while the palette's deploy runs) is refused instead of racing the first.
// Deploys from other windows or machines are kept apart by the engine (one service per deployment).

const running = new Set<string>();

const keyOf = (region: string, deploymentName: string): string => `${region}\n${deploymentName}`;

/** Marks the deployment busy and returns its release, or undefined when it already is. */
export function claimDeployment(region: string, deploymentName: string): (() => void) | undefined {
  const key = keyOf(region, deploymentName);
  if (running.has(key)) return undefined;
  running.add(key);
  return () => running.delete(key);
}
