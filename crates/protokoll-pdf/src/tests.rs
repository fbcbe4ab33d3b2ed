//! Extraction tests on small PDFs built here with lopdf.

use super::*;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Object, Stream, StringFormat};

/// Builds a one-page PDF whose page uses `font` as /F1 and draws `ops`.
fn pdf_with(
    font: lopdf::Dictionary,
    ops: Vec<Operation>,
    extra: impl FnOnce(&mut lopdf::Document, &mut lopdf::Dictionary),
) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(font);
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
    extra(&mut doc, &mut resources);
    let content = Content { operations: ops };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn op(name: &str, operands: Vec<Object>) -> Operation {
    Operation::new(name, operands)
}

fn s(bytes: &[u8]) -> Object {
    Object::String(bytes.to_vec(), StringFormat::Literal)
}

fn text_ops(show: Vec<Operation>) -> Vec<Operation> {
    let mut ops = vec![
        op("BT", vec![]),
        op("Tf", vec!["F1".into(), 12.into()]),
        op("Td", vec![72.into(), 700.into()]),
    ];
    ops.extend(show);
    ops.push(op("ET", vec![]));
    ops
}

fn text_of(bytes: &[u8]) -> String {
    extract(bytes, &Limits::default())
        .unwrap()
        .document
        .to_text()
        .trim()
        .to_string()
}

fn helvetica(encoding: Object) -> lopdf::Dictionary {
    dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => encoding }
}

#[test]
fn winansi_simple_font_without_widths() {
    let pdf = pdf_with(
        helvetica("WinAnsiEncoding".into()),
        text_ops(vec![op("Tj", vec![s(b"M\xf6te i V\xe4xj\xf6")])]),
        |_, _| {},
    );
    assert_eq!(text_of(&pdf), "Möte i Växjö");
}

#[test]
fn macroman_and_differences_with_unknown_name() {
    let enc = dictionary! {
        "Type" => "Encoding", "BaseEncoding" => "MacRomanEncoding",
        "Differences" => vec![65.into(), "odieresis".into(), "g0042".into(), "uni00E5".into()],
    };
    let pdf = pdf_with(
        helvetica(Object::Dictionary(enc)),
        text_ops(vec![op("Tj", vec![s(b"AC\x8a")])]),
        |_, _| {},
    );
    // A -> ö, B unknown (dropped alone), C -> å, 0x8A -> ä (MacRoman base).
    assert_eq!(text_of(&pdf), "öåä");
}

#[test]
fn tj_offsets_make_word_gaps() {
    let arr = Object::Array(vec![
        s(b"Val"),
        Object::Integer(-20),
        s(b"av"),
        Object::Real(-600.0),
        s(b"justerare"),
    ]);
    let pdf = pdf_with(
        helvetica("WinAnsiEncoding".into()),
        text_ops(vec![op("TJ", vec![arr])]),
        |_, _| {},
    );
    assert_eq!(text_of(&pdf), "Valav justerare");
}

#[test]
fn type0_identity_h_with_tounicode_and_w() {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar <0001> <00D6> <0002> <0072> endbfchar\n1 beginbfrange <0003> <0005> <0065> endbfrange\nendcmap end end";
    let mut font = dictionary! { "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "Identity-H" };
    let pdf = {
        let ops = text_ops(vec![op(
            "Tj",
            vec![Object::String(
                vec![0, 1, 0, 2, 0, 3, 0, 4, 0, 5],
                StringFormat::Hexadecimal,
            )],
        )]);
        let mut doc_font = font.clone();
        let bytes = pdf_with(dictionary! {}, ops, |doc, res| {
            let tu = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
            let desc = doc.add_object(dictionary! {
                "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "X",
                "W" => vec![1.into(), vec![600.into(), 400.into()].into(), 3.into(), 5.into(), 500.into()],
            });
            doc_font.set("ToUnicode", tu);
            doc_font.set("DescendantFonts", vec![desc.into()]);
            let id = doc.add_object(doc_font.clone());
            res.set("Font", dictionary! { "F1" => id });
        });
        font.set("unused", 0);
        bytes
    };
    assert_eq!(text_of(&pdf), "Örefg");
}

#[test]
fn invisible_ocr_layer_is_kept_and_flagged() {
    let ops = text_ops(vec![op("Tr", vec![3.into()]), op("Tj", vec![s(b"Orebro")])]);
    let pdf = pdf_with(helvetica("WinAnsiEncoding".into()), ops, |_, _| {});
    let ex = extract(&pdf, &Limits::default()).unwrap();
    assert_eq!(ex.document.text_layer, TextLayer::OcrLayer);
    assert_eq!(ex.document.to_text().trim(), "Orebro");
}

#[test]
fn form_xobject_text_with_matrix_and_own_resources() {
    let pdf = pdf_with(
        helvetica("WinAnsiEncoding".into()),
        vec![op("Do", vec!["X1".into()])],
        |doc, res| {
            let f = doc.add_object(helvetica("WinAnsiEncoding".into()));
            let inner = Content {
                operations: vec![
                    op("BT", vec![]),
                    op("Tf", vec!["F9".into(), 10.into()]),
                    op("Tj", vec![s(b"i formen")]),
                    op("ET", vec![]),
                ],
            };
            let form = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 50.into(), 500.into()],
                "Resources" => dictionary! { "Font" => dictionary! { "F9" => f } } },
            inner.encode().unwrap(),
        ));
            res.set("XObject", dictionary! { "X1" => form });
        },
    );
    assert_eq!(text_of(&pdf), "i formen");
}

#[test]
fn hostile_inputs_are_errors_not_panics() {
    assert_eq!(
        extract(b"", &Limits::default()).unwrap_err().code(),
        ProblemCode::Empty
    );
    assert_eq!(
        extract(b"hello world", &Limits::default())
            .unwrap_err()
            .code(),
        ProblemCode::NotPdf
    );
    let good = pdf_with(
        helvetica("WinAnsiEncoding".into()),
        text_ops(vec![op("Tj", vec![s(b"x")])]),
        |_, _| {},
    );
    // Cut inside the header or the objects: no page can be found, a typed error.
    for cut in [20, good.len() / 3, good.len() / 2] {
        match extract(&good[..cut], &Limits::default()) {
            Err(e) => assert_eq!(e.code(), ProblemCode::Malformed, "cut at {cut}: {e}"),
            Ok(ex) => panic!("cut at {cut}: read {} pages", ex.document.pages.len()),
        }
    }
    // Cut after the page's objects (the xref, trailer or %%EOF lost): the xref is
    // rebuilt, the one page is read with its text, and the record will say the file is
    // cut short.
    for cut in [
        good.len() * 3 / 4,
        good.len() * 9 / 10,
        good.len() - 6,
        good.len() - 1,
    ] {
        match extract(&good[..cut], &Limits::default()) {
            Ok(ex) => {
                assert_eq!(
                    (ex.document.pages.len(), ex.pages_total),
                    (1, 1),
                    "cut at {cut}"
                );
                assert!(ex.truncated, "cut at {cut}");
                assert!(
                    ex.page_errors.is_empty(),
                    "cut at {cut}: {:?}",
                    ex.page_errors
                );
                assert_eq!(ex.document.to_text().trim(), "x", "cut at {cut}");
            }
            Err(e) => panic!("cut at {cut}: {e}"),
        }
    }
}

#[test]
fn bold_font_flag_reaches_words() {
    let font = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold", "Encoding" => "WinAnsiEncoding" };
    let pdf = pdf_with(
        font,
        text_ops(vec![op("Tj", vec![s(b"Rubrik")])]),
        |_, _| {},
    );
    let ex = extract(&pdf, &Limits::default()).unwrap();
    let w = &ex.document.pages[0].lines[0].cells[0].words[0];
    assert!(w.bold, "{w:?}");
}

#[test]
fn utf16_cmap_codes_are_text_without_tounicode() {
    let ops = text_ops(vec![op(
        "Tj",
        vec![Object::String(
            vec![0, 0xF6, 0, 0x6B, 0],
            StringFormat::Hexadecimal,
        )],
    )]);
    let pdf = pdf_with(dictionary! {}, ops, |doc, res| {
        let desc = doc.add_object(
            dictionary! { "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "X" },
        );
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "UniGB-UTF16-H",
            "DescendantFonts" => vec![desc.into()],
        });
        res.set("Font", dictionary! { "F1" => font });
    });
    assert!(text_of(&pdf).starts_with("ök"), "{}", text_of(&pdf));
}

/// `pdf` re-saved encrypted (RC4, 128-bit key) with the given user password.
fn encrypted(pdf: &[u8], user: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf).unwrap();
    if doc.trailer.get(b"ID").is_err() {
        let id = Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal);
        doc.trailer.set("ID", vec![id.clone(), id]);
    }
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner-secret",
        user_password: user,
        key_length: 128,
        permissions: lopdf::Permissions::default(),
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn plain_pdf(text: &[u8]) -> Vec<u8> {
    pdf_with(
        helvetica("WinAnsiEncoding".into()),
        text_ops(vec![op("Tj", vec![s(text)])]),
        |_, _| {},
    )
}

#[test]
fn encrypted_with_empty_user_password_opens() {
    let pdf = encrypted(&plain_pdf(b"Protokoll fr\xe5n styrelsen"), "");
    assert!(pdf.windows(8).any(|w| w == b"/Encrypt"));
    assert_eq!(text_of(&pdf), "Protokoll från styrelsen");
}

#[test]
fn encrypted_with_a_user_password_is_reported() {
    let pdf = encrypted(&plain_pdf(b"Hemligt"), "hemligt");
    let err = extract(&pdf, &Limits::default()).unwrap_err();
    assert_eq!(err.code(), ProblemCode::Encrypted, "{err}");
}

#[test]
fn stream_with_too_long_length_is_read_to_endstream() {
    let pdf = plain_pdf(b"Justerare");
    // Declare the content stream longer than it is: lopdf alone would drop it.
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let at = text.find("stream\n").unwrap();
    let dict_start = text[..at].rfind("<<").unwrap();
    let dict = &text[dict_start..at];
    let fixed_dict = dict.replace("/Length ", "/Length 9");
    assert_ne!(dict, fixed_dict);
    let broken = format!("{}{}{}", &text[..dict_start], fixed_dict, &text[at..]);
    assert_eq!(text_of(broken.as_bytes()), "Justerare");
}

#[test]
fn form_field_value_without_appearance_is_text() {
    let pdf = pdf_with(helvetica("WinAnsiEncoding".into()), vec![], |doc, _| {
        let field = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
            "Rect" => vec![100.into(), 700.into(), 300.into(), 720.into()],
            "DA" => s(b"/Helv 10 Tf 0 g"),
            "V" => s(b"Sekreterare: Eva Berg"),
        });
        // Annotations live on the page: attach after the page exists (below).
        doc.trailer.set("TestField", field);
    });
    let mut doc = lopdf::Document::load_mem(&pdf).unwrap();
    let field = doc.trailer.get(b"TestField").unwrap().clone();
    let page_id = *doc.get_pages().get(&1).unwrap();
    doc.get_dictionary_mut(page_id)
        .unwrap()
        .set("Annots", vec![field]);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert_eq!(text_of(&out), "Sekreterare: Eva Berg");
}

fn type0(encoding: &str, ordering: &str) -> lopdf::Dictionary {
    let cid_font = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "Ryumin-Light",
        "CIDSystemInfo" => dictionary! {
            "Registry" => s(b"Adobe"), "Ordering" => s(ordering.as_bytes()), "Supplement" => 2,
        },
        "DW" => 1000,
    };
    dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Ryumin-Light",
        "Encoding" => encoding, "DescendantFonts" => vec![Object::Dictionary(cid_font)],
    }
}

/// A page that shows `codes` in a Type0 font with the given CMap and collection.
fn type0_pdf(encoding: &str, ordering: &str, codes: &[u8]) -> Vec<u8> {
    pdf_with(
        type0(encoding, ordering),
        text_ops(vec![op("Tj", vec![s(codes)])]),
        |_, _| {},
    )
}

#[test]
fn japan1_cids_through_adobe_table() {
    // CIDs 34, 35 are 'A', 'B'; 843 is あ in Adobe-Japan1.
    let pdf = type0_pdf("Identity-H", "Japan1", &[0, 34, 0, 35, 3, 75]);
    assert_eq!(text_of(&pdf), "ABあ");
}

#[test]
fn shift_jis_predefined_cmap() {
    let pdf = type0_pdf("90ms-RKSJ-H", "Japan1", &[b'O', b'K', 0x82, 0xA0]);
    assert_eq!(text_of(&pdf), "OKあ");
}

#[test]
fn identity_collection_without_unicode_map_is_a_reported_guess() {
    let pdf = type0_pdf(
        "Identity-H",
        "Identity",
        &[0x04, 0x1C, 0x04, 0x38, 0x04, 0x40],
    );
    let ex = extract(&pdf, &Limits::default()).unwrap();
    assert_eq!(ex.document.to_text().trim(), "Мир");
    assert_eq!(ex.guessed_glyphs, 3);
}

/// A PDF of `n` pages, page i showing "Sida i".
fn pages_pdf(n: usize) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(helvetica("WinAnsiEncoding".into()));
    let mut kids = Vec::new();
    for i in 1..=n {
        // Mid-page, so the lines are body text, not furniture.
        let ops = vec![
            op("BT", vec![]),
            op("Tf", vec!["F1".into(), 12.into()]),
            op("Td", vec![72.into(), 400.into()]),
            op("Tj", vec![s(format!("Sida {i}").as_bytes())]),
            op("ET", vec![]),
        ];
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(page_id.into());
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => n as i64 }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn running_out_of_budget_keeps_the_pages_read() {
    let pdf = pages_pdf(5);
    // One check before each page: the third page's check finds the budget spent.
    let ex = extract_within(&pdf, &Limits::default(), &Budget::after_checks(3)).unwrap();
    assert!(ex.timed_out);
    assert_eq!(ex.pages_total, 5);
    let text = ex.document.to_text();
    assert!(text.contains("Sida 1") && text.contains("Sida 2"), "{text}");
    assert!(!text.contains("Sida 3"), "{text}");
    // Spent before the first page: nothing read, a timeout error.
    let err = extract_within(&pdf, &Limits::default(), &Budget::after_checks(1)).unwrap_err();
    assert_eq!(err.code(), ProblemCode::Timeout);
}

#[test]
fn page_cap_is_reported_with_the_page_count() {
    let pdf = pages_pdf(3);
    let limits = Limits {
        max_pages: 2,
        ..Limits::default()
    };
    let ex = extract(&pdf, &limits).unwrap();
    assert_eq!((ex.document.pages.len(), ex.pages_total), (2, 3));
    assert!(!ex.timed_out);
}

#[test]
fn furniture_marking_survives_coordinates_beyond_i32() {
    use protokoll_model::{Cell, Line, Page, Rect, Word};
    let page = |n: u32| Page {
        number: n,
        width: 595.0,
        height: 842.0,
        lines: vec![Line {
            cells: vec![Cell {
                column: 0,
                words: vec![Word {
                    text: "Sidfot".into(),
                    bbox: Rect {
                        x0: 1.0e30,
                        y0: 830.0,
                        x1: f32::INFINITY,
                        y1: 1.0e30,
                    },
                    ..Word::default()
                }],
            }],
            ..Line::default()
        }],
        has_page_image: false,
    };
    let mut pages = vec![page(1), page(2)];
    // Overflowed the cell arithmetic in a debug build (a panic) before.
    mark_furniture(&mut pages);
    let mut low = vec![page(1), page(2)];
    for p in &mut low {
        for w in p
            .lines
            .iter_mut()
            .flat_map(|l| l.cells.iter_mut())
            .flat_map(|c| c.words.iter_mut())
        {
            w.bbox.x0 = -1.0e30;
        }
    }
    mark_furniture(&mut low);
}

#[test]
fn a_header_naming_the_page_s_paragraph_is_furniture_a_heading_is_not() {
    use protokoll_model::{Cell, Line, Page, Rect, Word};
    let line = |y: f32, text: &str| {
        let mut x = 57.0;
        let words = text
            .split_whitespace()
            .map(|t| {
                let w = Word {
                    text: t.into(),
                    bbox: Rect {
                        x0: x,
                        y0: y - 12.0,
                        x1: x + 6.0 * t.chars().count() as f32,
                        y1: y,
                    },
                    ..Word::default()
                };
                x += 6.0 * t.chars().count() as f32 + 4.0;
                w
            })
            .collect();
        Line {
            cells: vec![Cell { column: 0, words }],
            ..Line::default()
        }
    };
    let page = |n: u32| Page {
        number: n,
        width: 595.0,
        height: 842.0,
        lines: vec![
            line(95.0, &format!("Protokoll {} § 09.05.2023 Sida", 15 + n)),
            line(140.0, &format!("{} § Val av protokolljusterare", 15 + n)),
            // A label that writes no "§" ("KF 74"), and a page's number ("SIDA 2").
            line(60.0, &format!("KF {}", 73 + n)),
            line(75.0, &format!("SIDA {n}")),
        ],
        has_page_image: false,
    };
    let mut pages = vec![page(1), page(2), page(3)];
    mark_furniture(&mut pages);
    for p in &pages {
        let flags: Vec<bool> = p.lines.iter().map(|l| l.furniture).collect();
        assert_eq!(flags, [true, false, false, true], "page {}", p.number);
    }
}
