/** A module that keeps personal data of a user: how to export it and how to forget it. */
export interface PersonalDataHolder {
  /** Its key in the export's data.json, e.g. 'applications'. */
  name: string;
  /** JSON-safe. */
  exportFor(userId: number): Promise<unknown>;
  /** Files added to the export under files/<name>/. */
  filesFor?(userId: number): Promise<{ name: string; bytes: Buffer }[]>;
  /** Delete or anonymise, before the account row goes. */
  forget(userId: number): Promise<void>;
}
