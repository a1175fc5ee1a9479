import type { ImportUploadDto } from '@autofunnel/shared';

/** The file's first rows as the server read them, numbered as in the spreadsheet when it has no blank rows. */
export function ImportPreview({ upload }: { upload: ImportUploadDto }) {
  return (
    <div className="table-scroll import-preview">
      <table className="deal-table">
        <caption className="visually-hidden">The first rows of {upload.fileName}</caption>
        <thead>
          <tr>
            {upload.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {upload.sampleRows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
