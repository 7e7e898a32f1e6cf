"""What the test documents say, line by line, and how each kind of line looks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

FONT = "Times New Roman"


@dataclass(frozen=True)
class Look:
    """How one kind of line looks; the builder puts it in a style or on every run."""

    size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "both"
    first_line: int = 0
    before: int = 0
    after: int = 0
    line: int = 240
    font: str = FONT


HEADER = Look(size=13, align="center")
LOOKS: dict[str, Look] = {
    "Issuer": replace(HEADER, bold=True),
    "Issuer Parent": HEADER,
    "Rule Line": HEADER,
    "National": replace(HEADER, bold=True),
    "Motto": Look(size=14, bold=True, align="center"),
    "Number": HEADER,
    "Subject": HEADER,
    "Date Line": Look(size=14, italic=True, align="center"),
    "Type Name": Look(bold=True, align="center", before=240),
    "Plan Title": Look(bold=True, align="center"),  # Word's own "Title" has a border
    "Addressee": Look(align="center", after=120),
    "Body Text": Look(first_line=720, after=120),
    "Legal Basis": Look(italic=True, first_line=720, after=120),
    "List Dash": Look(first_line=720, after=120),
    "Heading 1": Look(bold=True, first_line=720, before=120, after=120),
    "Heading 2": Look(bold=True, first_line=720, after=120),
    "Recipients Label": Look(size=12, bold=True, italic=True, align="left"),
    "Recipient": Look(size=11, align="left"),
    "Authority": Look(bold=True, align="center"),
    "Signer": Look(bold=True, align="center"),
    "Appendix Label": Look(bold=True, align="center"),
    "Appendix Title": Look(bold=True, align="center"),
    "Appendix Reference": Look(italic=True, align="center", after=240),
    "Page Number": Look(align="center"),
}


@dataclass
class Texts:
    """Every line of the document, so a defect can change one."""

    parent: list[str] = field(default_factory=list)
    issuer: list[str] = field(default_factory=lambda: ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ BẮC KẠN"])
    national: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    number: str = "Số: 231/KH-UBND"
    subject: list[str] = field(default_factory=list)
    date: str = "TP. Bắc Kạn, ngày 03 tháng 4 năm 2023"
    type_name: str | None = "KẾ HOẠCH"
    title: list[str] = field(default_factory=lambda: ["Thực hiện công tác trẻ em năm 2023"])
    addressees: list[str] = field(default_factory=list)
    content: list[tuple[str, str]] = field(default_factory=list)
    recipients_label: str = "Nơi nhận:"
    recipients: list[str] = field(
        default_factory=lambda: [
            "- Sở Lao động - Thương binh và Xã hội;",
            "- Thường trực Thành ủy, HĐND thành phố;",
            "- Lãnh đạo UBND thành phố;",
            "- UBND các xã, phường;",
            "- Lưu: VT, LĐTBXH.",
        ]
    )
    authority: list[str] = field(
        default_factory=lambda: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    )
    signer: str = "Nguyễn Thị Huế"
    appendices: list[tuple[str, str, str]] = field(
        default_factory=lambda: [
            (
                "Phụ lục 01",
                "ĐỀ CƯƠNG BÁO CÁO",
                "(Kèm theo Kế hoạch số 231/KH-UBND ngày 03 tháng 4 năm 2023 của Ủy ban nhân "
                "dân thành phố Bắc Kạn)",
            )
        ]
    )


def plan_content(repeat: int = 1) -> list[tuple[str, str]]:
    """The content of the plan: (look, text) pairs from the legal bases to `./.`."""
    content = [
        ("Legal Basis", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        ("Legal Basis", "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016."),
        (
            "Body Text",
            "Thực hiện Kế hoạch số 231/KH-UBND ngày 03/4/2023 của Ủy ban nhân dân tỉnh Bắc Kạn, "
            "UBND thành phố Bắc Kạn xây dựng Kế hoạch thực hiện công tác trẻ em năm 2023 với "
            "các nội dung sau:",
        ),
        ("Heading 1", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("Heading 2", "1. Mục đích"),
        (
            "List Dash",
            "- Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, chính quyền, " + _LONG,
        ),
        ("List Dash", "- Xây dựng môi trường sống an toàn, lành mạnh, thân thiện cho trẻ em."),
        ("Heading 2", "2. Yêu cầu"),
        ("List Dash", "- Các phòng, ban, ngành bám sát nhiệm vụ, giải pháp trọng tâm. " + _LONG),
        ("Heading 1", "II. NHIỆM VỤ VÀ GIẢI PHÁP"),
    ]
    number = 0
    for _ in range(repeat):
        number += 1
        content.append(("Heading 2", f"{number}. Tổ chức thực hiện hiệu quả các chính sách"))
        for letter in "abcdđeg":
            content.append(("Body Text", f"{letter}) Rà soát, thu thập số liệu về trẻ em; {_LONG}"))
        number += 1
        content.append(("Heading 2", f"{number}. Đẩy mạnh các hoạt động truyền thông"))
        content.append(("Body Text", _LONG + " " + _LONG))
    content += [
        ("Heading 1", "III. TỔ CHỨC THỰC HIỆN"),
        ("Heading 2", "1. Phòng Lao động - Thương binh và Xã hội"),
        ("List Dash", "- Chủ trì, phối hợp với các cơ quan có liên quan triển khai Kế hoạch."),
        ("Heading 2", "2. Phòng Giáo dục và Đào tạo"),
        ("List Dash", "- Chỉ đạo các trường học tuyên truyền về quyền, bổn phận của trẻ em."),
        (
            "Body Text",
            "Trên đây là Kế hoạch thực hiện công tác trẻ em năm 2023 của Ủy ban nhân dân thành "
            "phố Bắc Kạn. Đề nghị các cơ quan, đơn vị triển khai, thực hiện./.",
        ),
    ]
    return content


_LONG = (
    "phối hợp giữa các tổ chức đoàn thể, đơn vị sự nghiệp và cộng đồng nhằm nâng cao hiệu quả "
    "quản lý nhà nước về công tác trẻ em trên địa bàn thành phố."
)

APPENDIX_CONTENT = [
    ("Heading 1", "I. ĐẶC ĐIỂM TÌNH HÌNH"),
    ("Body Text", "1. Tình hình kinh tế - xã hội tác động đến trẻ em tại địa phương."),
    ("Heading 1", "II. KẾT QUẢ THỰC HIỆN"),
    ("Body Text", "1. Công tác tham mưu, chỉ đạo, giám sát thực hiện quyền trẻ em."),
    ("Body Text", "2. Công tác bảo vệ, chăm sóc trẻ em."),
]


def letter_texts() -> Texts:
    """The lines of a công văn."""
    return Texts(
        number="Số: 231/UBND-LĐTBXH",
        subject=["V/v triển khai công tác trẻ em năm 2023"],
        type_name=None,
        title=[],
        addressees=[
            "Kính gửi:",
            "- Phòng Giáo dục và Đào tạo;",
            "- Ủy ban nhân dân các xã, phường.",
        ],
        content=[
            (
                "Body Text",
                "Thực hiện Kế hoạch số 231/KH-UBND ngày 03/4/2023 của Ủy ban nhân dân tỉnh, "
                "Ủy ban nhân dân thành phố đề nghị các cơ quan, đơn vị thực hiện như sau:",
            ),
            ("Body Text", "1. Rà soát, thu thập số liệu về trẻ em có hoàn cảnh đặc biệt."),
            ("Body Text", "2. Báo cáo kết quả về Phòng Lao động - Thương binh và Xã hội./."),
        ],
        recipients=["- Như trên;", "- Lãnh đạo UBND thành phố;", "- Lưu: VT, LĐTBXH."],
        authority=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        appendices=[],
    )
