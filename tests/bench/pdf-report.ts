// A generated report of many pages, each with a running head, a page number and 48 lines
// of text, as the import benchmarks read it.
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function reportOfPages(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Annual Report on Detention');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([595, 842]);
    page.drawText('Annual Report on Detention', { x: 72, y: 802, size: 9, font });
    page.drawText(`Page ${n} of ${pages}`, { x: 277, y: 30, size: 9, font });
    for (let line = 0; line < 48; line++) {
      const text = `Witness ${n}.${line} described the cell, the guards and the hearing that never came.`;
      page.drawText(text, { x: 72, y: 760 - line * 14, size: 10, font });
    }
  }
  return pdf.save();
}
