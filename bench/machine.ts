import { cpus, loadavg, release, totalmem } from 'node:os';

/** The machine and Node.js the figures were measured on. */
export interface MachineInfo {
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly arch: string;
  readonly kernel: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  readonly loadAverageAtStart: number;
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    kernel: release(),
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
