// Compiled with tsc --strict against the generated types: the description's shapes are
// usable from TypeScript as integrators write it (openapi-typescript, as openapi-fetch uses).
import type { components, operations, paths } from "./api";

type Problem = components["schemas"]["Problem"];
type Draft = components["schemas"]["Draft"];
type Rendered = paths["/api/v1/documents"]["post"]["responses"][200]["content"]["application/pdf"];

export const problem: Problem = {
  type: "urn:plandoc:problem:invalid", title: "…", status: 422, detail: "place: …",
  instance: "/api/v1/documents", code: 422, errors: { place: ["Trường này là bắt buộc."] },
};
export function etagOf(draft: Draft): number { return draft.revision; }
export type RenderQuery = operations["renderDocument"]["parameters"]["query"];
export const query: RenderQuery = { format: "pdf", pdfa: true };
export type Binary = Rendered;
