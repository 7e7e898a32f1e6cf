// What the form shows, in the contract's order: sections of fields, repeatable lists, and
// the shapes of their entries. Labels are message keys (see service/http/web/strings.py).

import { DOCUMENT_TYPES } from "./kinds.js";
import { HEAD_MODES, dateLine, numberLine, signerLines } from "./lines.js";
import { getAt, join } from "./paths.js";

export const PART_LISTS = ["text", "items", "numbered", "lettered", "sections", "assignments"];

/** The lists a Part may hold, with their labels and entry shapes. */
export const LISTS = {
  text: { kind: "strings", rich: true, label: "list.text", item: "item.text", add: "add.text" },
  items: { kind: "strings", rich: true, label: "list.items", item: "item.items", add: "add.items" },
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
const ORIENTATIONS = [["", "orientation.portrait"], ["landscape", "orientation.landscape"]];
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
  entry: [{ key: "text", kind: "rich", label: "entry.text", required: true }, content(["items", "lettered"])],
  target: [
    { key: "text", kind: "rich", label: "target.text", hint: "target.text.hint", required: true },
    { kind: "row", fields: [
      { key: "value", kind: "quantity", label: "target.value", hint: "target.value.hint" },
      { key: "unit", kind: "line", label: "target.unit", hint: "target.unit.hint" },
    ] },
  ],
  section: [
    { key: "heading", kind: "rich", label: "section.heading", required: true },
    { kind: "row", fields: [{ key: "run_in", kind: "flag", label: "section.run_in", hint: "section.run_in.hint" }, numbering] },
    content(),
  ],
  topSection: [
    { key: "heading", kind: "rich", label: "section.heading", required: true },
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
    { kind: "row", fields: [
      { key: "label", kind: "line", label: "appendix.label", hint: "appendix.label.hint" },
      { key: "orientation", kind: "choice", label: "appendix.orientation", options: ORIENTATIONS },
    ] },
    { key: "reference", kind: "line", label: "appendix.reference", hint: "appendix.reference.hint" },
    content(),
  ],
  article: [{ key: "text", kind: "rich", label: "article.text", required: true }],
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

/** The parts of a KẾ HOẠCH: the plan itself (`base` "") or a decision's attachment. */
function planParts(base, prefix, only) {
  const under = (fields) => (base ? [{ key: base, kind: "group", bare: true, fields }] : fields);
  const part = (id, title, fields) => ({ id: `${prefix}${id}`, title, only, fields: under(fields) });
  return [
    part("preamble", "sec.preamble", [
      { key: "preamble", kind: "strings", rich: true, label: "preamble", item: "item.paragraph", add: "add.paragraph", hint: "preamble.hint" },
    ]),
    part("purpose", "sec.purpose", [
      { key: "purpose", kind: "group", bare: true, fields: [
        heading("MỤC ĐÍCH, YÊU CẦU"),
        { key: "purposes", kind: "strings", rich: true, label: "purposes", item: "item.purpose", add: "add.purpose" },
        { key: "requirements", kind: "strings", rich: true, label: "requirements", item: "item.requirement", add: "add.requirement" },
      ] },
    ]),
    part("targets", "sec.targets", [
      { key: "targets", kind: "group", bare: true, fields: [
        heading("MỤC TIÊU"),
        { key: "general", kind: "strings", rich: true, label: "targets.general", item: "item.paragraph", add: "add.paragraph" },
        { key: "specific", kind: "objects", shape: "target", label: "targets.specific", item: "item.target", add: "add.target", hint: "targets.specific.hint" },
      ] },
    ]),
    part("tasks", "sec.tasks", [
      { key: "tasks", kind: "group", bare: true, fields: [
        heading("NHIỆM VỤ VÀ GIẢI PHÁP"),
        content(PART_LISTS, { sections: { label: "list.taskGroups", item: "item.taskGroup", add: "add.taskGroup" } }),
      ] },
    ]),
    part("funding", "sec.funding", [
      { key: "funding", kind: "group", bare: true, fields: [heading("KINH PHÍ THỰC HIỆN"), content()] },
    ]),
    part("organization", "sec.organization", [
      { key: "organization", kind: "group", bare: true, fields: [heading("TỔ CHỨC THỰC HIỆN"), content()] },
    ]),
    part("reporting", "sec.reporting", [
      { key: "reporting", kind: "group", bare: true, fields: [
        heading("CHẾ ĐỘ THÔNG TIN, BÁO CÁO"),
        content(),
        { key: "deadlines", kind: "objects", shape: "deadline", label: "deadlines", item: "item.deadline", add: "add.deadline", hint: "deadlines.hint" },
      ] },
    ]),
    part("extra", "sec.extra", [
      { key: "sections", kind: "objects", shape: "topSection", label: "extra", item: "item.extra", add: "add.extra", hint: "extra.hint" },
    ]),
    part("closing", "sec.closing", closing("closing.hint.ke_hoach")),
  ];
}

/** The closing paragraph, or none at all (`closing: false`). */
function closing(hint) {
  return [
    { key: "closing", kind: "rich", label: "closing", hint, when: (s, base) => getAt(s, join(base, "closing")) !== false },
    { key: "closing", kind: "none", label: "closing.none", hint: "closing.none.hint" },
  ];
}

const TITLES = { ke_hoach: "title.ke_hoach", cong_van: "title.cong_van", quyet_dinh: "title.quyet_dinh" };

/** The whole document, section by section; `only` limits a section to some document types. */
export const DOCUMENT = [
  { id: "header", title: "sec.header", fields: [
    { key: "type", kind: "choice", label: "type", options: DOCUMENT_TYPES.map((k) => [k.type, k.name]), rerender: true, required: true },
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
    { key: "title", kind: "area", label: (s) => TITLES[s.type] ?? "title.ke_hoach", hint: "multiline.hint", required: true },
  ] },
  { id: "addressees", title: "sec.addressees", only: ["cong_van", "ke_hoach"], fields: [
    { key: "addressees", kind: "strings", label: "addressees", item: "item.addressee", add: "add.addressee", hint: "addressees.hint" },
  ] },
  { id: "decision", title: "sec.decision", only: ["quyet_dinh"], fields: [
    { key: "authority", kind: "area", label: "authority", hint: "authority.hint", required: true },
    { key: "legal_basis", kind: "strings", label: "legal_basis", item: "item.legalBasis", add: "add.legalBasis", hint: "legal_basis.hint" },
    { key: "proposal", kind: "text", label: "proposal", hint: "proposal.hint" },
  ] },
  { id: "articles", title: "sec.articles", only: ["quyet_dinh"], fields: [
    { key: "articles", kind: "objects", shape: "article", label: "articles", item: "item.article", add: "add.article", hint: "articles.hint" },
  ] },
  ...planParts("", "", ["ke_hoach"]),
  { id: "body", title: "sec.body", only: ["cong_van"], fields: [
    { key: "body", kind: "group", bare: true, fields: [content()] },
  ] },
  { id: "letter-closing", title: "sec.closing", only: ["cong_van"], fields: closing("closing.hint.cong_van") },
  { id: "signature", title: "sec.signature", fields: [...recipients, signer] },
  { id: "attachment", title: "sec.attachment", only: ["quyet_dinh"], fields: [
    { key: "attachment", kind: "group", bare: true, fields: [
      { key: "title", kind: "area", label: "attachment.title", hint: "attachment.title.hint" },
      { key: "reference", kind: "line", label: "attachment.reference", hint: "attachment.reference.hint" },
      { key: "signoff", kind: "line", label: "attachment.signoff", hint: "attachment.signoff.hint" },
    ] },
  ] },
  ...planParts("attachment", "attachment-", ["quyet_dinh"]),
  { id: "appendices", title: "sec.appendices", fields: [
    { key: "appendices", kind: "objects", shape: "appendix", label: "appendices", item: "item.appendix", add: "add.appendix", hint: "appendices.hint" },
  ] },
];

const TEXT_KINDS = ["text", "rich", "area", "line", "date"];

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
