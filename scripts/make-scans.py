#!/usr/bin/env python3
"""Make the scanned-PDF test fixtures (image-only PDFs, no text layer) for the OCR tests.

Each source PDF's pages are rendered to grayscale images (pdftoppm), given a slight tilt-free
scanner noise and JPEG compression, and put back into a PDF with img2pdf, so nothing but the
page images survives. Sources: the real 洪泽区 PDF, and PDFs made by LibreOffice from HTML
versions of the two seed reports (tables as real <table>s, one <td> per tab-separated field).

Usage: scripts/make-scans.py /work/shared   (needs poppler-utils, img2pdf, soffice, python3-pil, numpy)
"""
import html, io, os, random, subprocess, sys, tempfile
import numpy as np
from PIL import Image

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "GongkaiTests", "Fixtures", "scans")

def seed_html(text, title):
    """The seed as a web page: paragraphs, and each run of tab-separated lines as one table."""
    out = [f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
           "<style>body{font-family:'Noto Serif CJK SC';font-size:11pt} table{border-collapse:collapse}"
           " table{width:100%} td{border:1px solid black;padding:2px 3px;font-size:8pt}</style></head><body>"]
    rows = []
    def flush():
        if not rows:
            return
        width = max(len(r) for r in rows)
        out.append("<table width='100%' cellspacing='0' cellpadding='2' border='1'>")
        for r in rows:
            cells = r + [""] * (width - len(r))
            out.append("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in cells) + "</tr>")
        out.append("</table>")
        rows.clear()
    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        s = line.strip()
        if not s or s == "---":
            continue  # a blank line inside a table (永和镇's 表三 has one) does not end it
        flush()
        out.append(f"<p>{html.escape(s.lstrip('#').strip())}</p>")
    flush()
    out.append("</body></html>")
    return "\n".join(out)

def scan(pdf, out_pdf, dpi, quality, seed):
    """Render each page, add scanner noise, JPEG it, and wrap the images in a new PDF."""
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), pdf, os.path.join(tmp, "p")], check=True)
        pages = sorted(f for f in os.listdir(tmp) if f.endswith(".pgm"))
        jpegs = []
        for name in pages:
            img = np.asarray(Image.open(os.path.join(tmp, name)), dtype=np.float32)
            img = img * 0.93 + 8 + rng.normal(0, 4, img.shape)   # paper tone, sensor noise
            page = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), mode="L")
            buf = io.BytesIO()
            page.save(buf, "JPEG", quality=quality)
            path = os.path.join(tmp, name + ".jpg")
            with open(path, "wb") as f:
                f.write(buf.getvalue())
            jpegs.append(path)
        subprocess.run(["img2pdf", "--imgsize", f"{dpi}dpi", "-o", out_pdf] + jpegs, check=True)
    print(out_pdf, os.path.getsize(out_pdf), "bytes,", len(jpegs), "pages")

def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "/work/shared"
    os.makedirs(OUT, exist_ok=True)
    scan(os.path.join(shared, "reports", "hongze-2023.pdf"), os.path.join(OUT, "hongze-2023-scan.pdf"), 200, 30, 1)
    seeds = {"000_3a640c0e6a422263.txt": "jinjing-2022-scan.pdf", "001_ba4ee18afd36a9fc.txt": "yonghe-2022-scan.pdf"}
    for i, (seed, out_name) in enumerate(seeds.items()):
        with open(os.path.join(shared, "seeds", seed), encoding="utf-8") as f:
            text = f.read()
        with tempfile.TemporaryDirectory() as tmp:
            page = os.path.join(tmp, "report.html")
            with open(page, "w", encoding="utf-8") as f:
                f.write(seed_html(text, out_name))
            # Imported as a Writer document: the Writer/Web import leaves page 1 blank and drops the first line.
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--infilter=HTML (StarWriter)",
                            "--convert-to", "pdf", "--outdir", tmp, page],
                           check=True, stdout=subprocess.DEVNULL)
            scan(os.path.join(tmp, "report.pdf"), os.path.join(OUT, out_name), 150, 35, 2 + i)

main()
