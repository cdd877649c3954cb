/**
 * exceljs, loaded at the first workbook read or written rather than when the server starts (its
 * import takes ~0.5 s of a restart). `import type ExcelJS from 'exceljs'` for its types.
 */
import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | undefined;

export function loadExcel(): Promise<typeof ExcelJSModule> {
  loading ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJSModule }).default ?? (m as unknown as typeof ExcelJSModule));
  return loading;
}
