#!/usr/bin/env python3
"""Writes a decision table of a DMN file as a self-contained HTML page (rendered to PNG by docs/render-diagrams).

Usage: docs/render-decision-table.py processes/complaint-assessment.dmn docs/complaint-assessment.html
"""
import html
import sys
import xml.etree.ElementTree as ET

NS = {"dmn": "https://www.omg.org/spec/DMN/20191111/MODEL/"}


def text(element):
    return "" if element is None else (element.findtext("dmn:text", default="", namespaces=NS) or "").strip()


def main(source, target):
    root = ET.parse(source).getroot()
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><style>",
             "body{font-family:sans-serif;margin:16px;color:#1b1b1b} table{border-collapse:collapse}",
             "th,td{border:1px solid #888;padding:4px 8px;font-size:13px;vertical-align:top}",
             "th.in{background:#e8f0fb} th.out{background:#eaf6ea} td.desc{color:#555}</style></head><body>"]
    for decision in root.findall("dmn:decision", NS):
        table = decision.find("dmn:decisionTable", NS)
        inputs = table.findall("dmn:input", NS)
        outputs = table.findall("dmn:output", NS)
        parts.append(f"<h2>{html.escape(decision.get('name'))} <small>({html.escape(decision.get('id'))}, "
                     f"hit policy {html.escape(table.get('hitPolicy', 'UNIQUE'))})</small></h2><table><tr><th>#</th>")
        parts += [f"<th class='in'>{html.escape(i.get('label') or '')}<br><small>"
                  f"{html.escape(text(i.find('dmn:inputExpression', NS)))}</small></th>" for i in inputs]
        parts += [f"<th class='out'>{html.escape(o.get('label') or '')}<br><small>{html.escape(o.get('name'))}"
                  f"</small></th>" for o in outputs]
        parts.append("<th>Description</th></tr>")
        for number, rule in enumerate(table.findall("dmn:rule", NS), 1):
            cells = [text(e) for e in rule.findall("dmn:inputEntry", NS) + rule.findall("dmn:outputEntry", NS)]
            parts.append(f"<tr><td>{number}</td>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells)
                         + f"<td class='desc'>{html.escape(rule.findtext('dmn:description', '', NS))}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    with open(target, "w", encoding="utf-8") as out:
        out.write("".join(parts))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
