// What the form shows, in the contract's order: sections of fields, repeatable lists, and
// the shapes of their entries. Labels are message keys (see service/http/web/strings.py).

import { HEAD_MODES, dateLine, numberLine, signerLines } from "./lines.js";

export const PART_LISTS = ["text", "items", "numbered", "lettered", "sections", "assignments"];

/** The lists a Part may hold, with their labels and entry shapes. */
export const LISTS = {
  text: { kind: "strings", label: "list.text", item: "item.text", add: "add.text" },
  items: { kind: "strings", label: "list.items", item: "item.items", add: "add.items" },
  numbered: { kind: "objects", shape: "entry", label: "list.numbered", item: "item.numbered", add: "add.numbered" },
  lettered: { kind: "objects", shape: "entry", label: "list.lettered", item: "item.lettered", add: "add.lettered" },
  sections: { kind: "objects", shape: "section", label: "list.sections", item: "item.section", add: "add.section" },
  assignments: { kind: "objects", shape: "assignment", label: "list.assignments", item: "item.assignment", add: "add.assignment" },
};

const NUMBERING = [["", "numbering.auto"], ["decimal", "numbering.decimal"]];
const AFTER = [
  ["", "after.start"], ["purpose", "sec.purpose"], ["targets", "sec.targets"], ["tasks", "sec.tasks"],
  ["funding", "sec.funding"], ["organization", "sec.organization"], ["reporting", "sec.reporting"],
];
const MODES = [
  ["", "mode.none"], ["KT", "mode.KT"], ["TL", "mode.TL"], ["TUQ", "mode.TUQ"], ["Q", "mode.Q"],
];

function content(lists = PART_LISTS, labels = {}) {
  return { kind: "content", lists, labels };
}

function heading(defaultHeading) {
  return { key: "heading", kind: "text", label: "part.heading", hint: ["part.heading.hint", { heading: defaultHeading }] };
}

const numbering = { key: "numbering", kind: "choice", label: "section.numbering", options: NUMBERING };

/** The fields of each kind of list entry. */
export const SHAPES = {
  entry: [{ key: "text", kind: "text", label: "entry.text", required: true }, content(["items", "lettered"])],
  target: [
    { key: "text", kind: "text", label: "target.text", hint: "target.text.hint", required: true },
    { kind: "row", fields: [
      { key: "value", kind: "quantity", label: "target.value", hint: "target.value.hint" },
      { key: "unit", kind: "line", label: "target.unit", hint: "target.unit.hint" },
    ] },
  ],
  section: [
    { key: "heading", kind: "text", label: "section.heading", required: true },
    { kind: "row", fields: [{ key: "run_in", kind: "flag", label: "section.run_in", hint: "section.run_in.hint" }, numbering] },
    content(),
  ],
  topSection: [
    { key: "heading", kind: "text", label: "section.heading", required: true },
    { kind: "row", fields: [
      { key: "after", kind: "choice", label: "section.after", options: AFTER },
      { key: "run_in", kind: "flag", label: "section.run_in", hint: "section.run_in.hint" },
      numbering,
    ] },
    content(),
  ],
  assignment: [
    { key: "agency", kind: "text", label: "assignment.agency", hint: "assignment.agency.hint", required: true },
    { kind: "row", fields: [
      { key: "request", kind: "flag", label: "assignment.request", hint: "assignment.request.hint" },
      { key: "run_in", kind: "flag", label: "assignment.run_in", hint: "assignment.run_in.hint" },
      numbering,
    ] },
    content(),
  ],
  deadline: [
    { kind: "row", fields: [
      { key: "report", kind: "line", label: "deadline.report", required: true },
      { key: "due", kind: "date", label: "deadline.due", hint: "date.hint", required: true },
    ] },
    { key: "submit_to", kind: "text", label: "deadline.submit_to" },
  ],
  appendix: [
    { key: "title", kind: "area", label: "appendix.title", hint: "multiline.hint", required: true },
    { key: "subtitle", kind: "area", label: "appendix.subtitle", hint: "multiline.hint" },
    content(),
  ],
};

const signer = {
  key: "signer", kind: "group", label: "signer", fields: [
    { key: "collective", kind: "line", label: "signer.collective", hint: "signer.collective.hint" },
    { kind: "row", fields: [
      { key: "mode", kind: "choice", label: "signer.mode", options: MODES, rerender: true },
      { key: "head", kind: "line", label: "signer.head", hint: "signer.head.hint", required: true,
        when: (s) => HEAD_MODES.includes(s.signer?.mode) },
    ] },
    { kind: "row", fields: [
      { key: "title", kind: "line", label: "signer.title", hint: "signer.title.hint", required: true },
      { key: "name", kind: "line", label: "signer.name", required: true },
    ] },
    { kind: "output", id: "signer-lines", label: "signer.lines", live: true, compute: (s) => signerLines(s.signer) },
  ],
};

const issuer = {
  key: "issuer", kind: "group", label: "issuer", fields: [
    { key: "parent", kind: "area", label: "issuer.parent", hint: "issuer.parent.hint" },
    { key: "name", kind: "area", label: "issuer.name", hint: "issuer.name.hint", required: true },
    { kind: "row", fields: [
      { key: "abbreviation", kind: "line", label: "issuer.abbreviation", hint: "issuer.abbreviation.hint", required: true },
      { key: "name_in_text", kind: "line", label: "issuer.name_in_text", hint: "issuer.name_in_text.hint" },
    ] },
  ],
};

const recipients = [
  { key: "recipients_label", kind: "line", label: "recipients_label", hint: "recipients_label.hint" },
  { key: "recipients", kind: "strings", label: "recipients", item: "item.recipient", add: "add.recipient", hint: "recipients.hint" },
];

/** The lower level's own header, as the cascade page asks for it. */
export const HEADER = [
  { id: "header", title: "sec.lower", fields: [
    issuer,
    { kind: "row", fields: [
      { key: "drafting_unit", kind: "line", label: "drafting_unit", hint: "drafting_unit.hint" },
      { key: "place", kind: "line", label: "place", hint: "place.hint", required: true },
      { key: "date", kind: "date", label: "date", hint: "date.hint", required: true },
    ] },
  ] },
  { id: "signature", title: "sec.signature", fields: [...recipients, signer] },
];

/** The whole document, section by section; `only` limits a section to one document type. */
export const DOCUMENT = [
  { id: "header", title: "sec.header", fields: [
    { key: "type", kind: "choice", label: "type", options: [["ke_hoach", "type.ke_hoach"], ["cong_van", "type.cong_van"]], rerender: true, required: true },
    issuer,
    { kind: "row", fields: [
      { key: "drafting_unit", kind: "line", label: "drafting_unit", hint: "drafting_unit.hint" },
      { key: "number", kind: "line", label: "number", hint: "number.hint" },
      { key: "symbol", kind: "line", label: "symbol", hint: "symbol.hint" },
    ] },
    { kind: "output", id: "number-line", label: "printed", compute: (s) => [numberLine(s)] },
    { kind: "row", fields: [
      { key: "place", kind: "line", label: "place", hint: "place.hint", required: true },
      { key: "date", kind: "date", label: "date", hint: "date.hint", required: true },
    ] },
    { kind: "output", id: "date-line", label: "printed", compute: (s) => [dateLine(s) ?? ""] },
    { key: "title", kind: "area", label: (s) => (s.type === "cong_van" ? "title.cong_van" : "title.ke_hoach"), hint: "multiline.hint", required: true },
  ] },
  { id: "addressees", title: "sec.addressees", only: "cong_van", fields: [
    { key: "addressees", kind: "strings", label: "addressees", item: "item.addressee", add: "add.addressee", hint: "addressees.hint" },
  ] },
  { id: "preamble", title: "sec.preamble", only: "ke_hoach", fields: [
    { key: "preamble", kind: "strings", label: "preamble", item: "item.paragraph", add: "add.paragraph", hint: "preamble.hint" },
  ] },
  { id: "purpose", title: "sec.purpose", only: "ke_hoach", fields: [
    { key: "purpose", kind: "group", bare: true, fields: [
      heading("MỤC ĐÍCH, YÊU CẦU"),
      { key: "purposes", kind: "strings", label: "purposes", item: "item.purpose", add: "add.purpose" },
      { key: "requirements", kind: "strings", label: "requirements", item: "item.requirement", add: "add.requirement" },
    ] },
  ] },
  { id: "targets", title: "sec.targets", only: "ke_hoach", fields: [
    { key: "targets", kind: "group", bare: true, fields: [
      heading("MỤC TIÊU"),
      { key: "general", kind: "strings", label: "targets.general", item: "item.paragraph", add: "add.paragraph" },
      { key: "specific", kind: "objects", shape: "target", label: "targets.specific", item: "item.target", add: "add.target", hint: "targets.specific.hint" },
    ] },
  ] },
  { id: "tasks", title: "sec.tasks", only: "ke_hoach", fields: [
    { key: "tasks", kind: "group", bare: true, fields: [
      heading("NHIỆM VỤ VÀ GIẢI PHÁP"),
      content(PART_LISTS, { sections: { label: "list.taskGroups", item: "item.taskGroup", add: "add.taskGroup" } }),
    ] },
  ] },
  { id: "funding", title: "sec.funding", only: "ke_hoach", fields: [
    { key: "funding", kind: "group", bare: true, fields: [heading("KINH PHÍ THỰC HIỆN"), content()] },
  ] },
  { id: "organization", title: "sec.organization", only: "ke_hoach", fields: [
    { key: "organization", kind: "group", bare: true, fields: [heading("TỔ CHỨC THỰC HIỆN"), content()] },
  ] },
  { id: "reporting", title: "sec.reporting", only: "ke_hoach", fields: [
    { key: "reporting", kind: "group", bare: true, fields: [
      heading("CHẾ ĐỘ THÔNG TIN, BÁO CÁO"),
      content(),
      { key: "deadlines", kind: "objects", shape: "deadline", label: "deadlines", item: "item.deadline", add: "add.deadline", hint: "deadlines.hint" },
    ] },
  ] },
  { id: "extra", title: "sec.extra", only: "ke_hoach", fields: [
    { key: "sections", kind: "objects", shape: "topSection", label: "extra", item: "item.extra", add: "add.extra", hint: "extra.hint" },
  ] },
  { id: "body", title: "sec.body", only: "cong_van", fields: [
    { key: "body", kind: "group", bare: true, fields: [content()] },
  ] },
  { id: "closing", title: "sec.closing", fields: [
    { key: "closing", kind: "text", label: "closing", hint: (s) => (s.type === "cong_van" ? "closing.hint.cong_van" : "closing.hint.ke_hoach") },
  ] },
  { id: "signature", title: "sec.signature", fields: [...recipients, signer] },
  { id: "appendices", title: "sec.appendices", fields: [
    { key: "appendices", kind: "objects", shape: "appendix", label: "appendices", item: "item.appendix", add: "add.appendix", hint: "appendices.hint" },
  ] },
];

const TEXT_KINDS = ["text", "area", "line", "date"];

/** The field an entry of `shape` starts with: Enter and paste make new entries from it. */
export function leadKey(shape) {
  const first = (fields) => {
    for (const field of fields) {
      if (field.kind === "row") {
        const key = first(field.fields);
        if (key) return key;
      } else if (field.key && TEXT_KINDS.includes(field.kind)) {
        return field.key;
      }
    }
    return null;
  };
  return first(SHAPES[shape] ?? []);
}
