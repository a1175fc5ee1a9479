import { UnsupportedMediaTypeException } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';

/** How the types of DOCUMENT_TYPES read in a message to a person. */
const TYPE_NAMES: Record<string, string> = {
  pdf: 'PDF',
  jpg: 'JPEG image',
  png: 'PNG image',
  webp: 'WebP image',
  heic: 'HEIC photo',
  docx: 'Word document (.docx)',
  xlsx: 'Excel workbook (.xlsx)',
  odt: 'OpenDocument text (.odt)',
  ods: 'OpenDocument spreadsheet (.ods)',
};

export interface DetectedType {
  /** As file-type names it, e.g. `jpg`. */
  ext: string;
  mime: string;
}

/** DOCUMENT_TYPES ("pdf, JPEG ,png") as file-type's extensions. */
export function parseDocumentTypes(setting: string): string[] {
  return setting
    .split(',')
    .map((type) => type.trim().toLowerCase().replace(/^\./, ''))
    .filter((type) => type.length > 0)
    .map((type) => (type === 'jpeg' ? 'jpg' : type));
}

/**
 * The file's type judged by its content (magic numbers), never by the name or the type the
 * client sent; 415 naming the allowed types when it is not one of them.
 */
export async function detectDocumentType(content: Buffer, allowed: string[]): Promise<DetectedType> {
  const detected = await fileTypeFromBuffer(content);
  if (detected && allowed.includes(detected.ext)) return { ext: detected.ext, mime: detected.mime };
  const found = detected ? `this file is ${describeType(detected.ext)} (${detected.mime})` : 'the content of this file is not a type we recognise';
  throw new UnsupportedMediaTypeException(`Documents may be ${listInWords(allowed.map(describeType))}; ${found}`);
}

function describeType(ext: string): string {
  return TYPE_NAMES[ext] ?? `.${ext}`;
}

function listInWords(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : (items[0] ?? 'nothing (DOCUMENT_TYPES is empty)');
}
