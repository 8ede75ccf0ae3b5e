/** Adapter to the live-source stage (lib/source). Returns undefined while this build has none. */
import type { AssessmentReport } from "../report/contract";
import type { ConnectionParams } from "./connection";

export interface LiveOptions {
  targetDate: string;
  keyStrategy: string;
  onProgress: (message: string, percent: number) => void;
}

export interface LiveSource {
  fromConnection(params: ConnectionParams, opts: LiveOptions): Promise<AssessmentReport>;
  fromSnapshot(bytes: Uint8Array, opts: LiveOptions): Promise<AssessmentReport>;
}

export async function liveSource(): Promise<LiveSource | undefined> {
  return undefined;
}
