// The types of scripts/package-sizes.mjs, for the TypeScript that imports it (the benchmark).
export declare const PACKAGE_LIMIT_BYTES: number;
export declare const TOTAL_LIMIT_BYTES: number;

export interface ZipEntry {
  name: string;
  size: number;
}

export interface PackageSize {
  /** '' for the main package, else the subpackage's root. */
  root: string;
  files: number;
  bytes: number;
}

export interface MeasuredPackage extends PackageSize {
  limit: number;
  within: boolean;
}

export declare function zipEntries(zip: Buffer): ZipEntry[];
export declare function subpackageRoots(root: string): string[];
export declare function packageSizes(entries: ZipEntry[], roots: string[]): PackageSize[];
export declare function measureCompiled(
  root: string,
  zipPath: string,
): { entries: ZipEntry[]; packages: MeasuredPackage[]; total: { bytes: number; limit: number; within: boolean } };
