#!/usr/bin/env python3
"""Writes src/Pcmd.Web/Resources/SharedResource{,.en}.resx from strings.tsv beside them
(key<TAB>Vietnamese<TAB>English). Edit the TSV, run this, commit all three."""
import html, os
here = os.path.join(os.path.dirname(__file__), '..', 'src', 'Pcmd.Web', 'Resources')
rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(here, 'strings.tsv'), encoding='utf-8') if l.strip() and not l.startswith('#')]
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for suffix, col in (('', 1), ('.en', 2)):
    with open(os.path.join(here, f'SharedResource{suffix}.resx'), 'w', encoding='utf-8') as f:
        f.write(head)
        for r in rows:
            f.write(f'  <data name="{html.escape(r[0])}" xml:space="preserve"><value>{html.escape(r[col])}</value></data>\n')
        f.write('</root>\n')
print(len(rows), 'strings')
