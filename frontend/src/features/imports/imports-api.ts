import type { ImportJobDto, ImportUploadDto, StartImportRequest } from '@autofunnel/shared';
import { api } from '../../app/api';

/** Bulk import of leads (admins and team leads): upload a file, start it, follow its progress. */
export const importsApi = api.injectEndpoints({
  endpoints: (build) => ({
    uploadImport: build.mutation<ImportUploadDto, File>({
      query: (file) => {
        const body = new FormData();
        body.append('file', file);
        return { url: '/imports', method: 'POST', body };
      },
    }),
    startImport: build.mutation<ImportJobDto, { id: string } & StartImportRequest>({
      query: ({ id, ...body }) => ({ url: `/imports/${encodeURIComponent(id)}/start`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id }) => [{ type: 'Import', id }],
    }),
    /** Polled while the import runs (see ImportProgress). */
    getImport: build.query<ImportJobDto, string>({
      query: (id) => `/imports/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Import', id }],
    }),
  }),
});

export const { useUploadImportMutation, useStartImportMutation, useGetImportQuery } = importsApi;
