import { describe, expect, test } from '@jest/globals';
import { FileTypeSniffer, sniffBuffer } from './file-types.js';

const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
const zipWith = (inside: string) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40), Buffer.from(inside, 'latin1')]);

describe('evidence file types, by content', () => {
  test('PDF, PNG, JPEG, GIF and WebP are known by their magic bytes, whatever the name', () => {
    expect(sniffBuffer(Buffer.from('%PDF-1.4\n%…'), '总结.png')?.mime).toBe('application/pdf');
    expect(sniffBuffer(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a')?.mime).toBe('image/png');
    expect(sniffBuffer(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'a.jpg')?.mime).toBe('image/jpeg');
    expect(sniffBuffer(Buffer.from('GIF89a……'), 'a.gif')?.mime).toBe('image/gif');
    expect(sniffBuffer(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '), 'a.webp')?.mime).toBe('image/webp');
  });

  test('old Office files by their container and extension; another extension on the container is refused', () => {
    expect(sniffBuffer(ole2, '记录.doc')?.mime).toBe('application/msword');
    expect(sniffBuffer(ole2, '表.XLS')?.mime).toBe('application/vnd.ms-excel');
    expect(sniffBuffer(ole2, 'setup.msi')).toBeNull();
  });

  test('new Office files are ZIPs holding [Content_Types].xml; a plain ZIP is refused even named .docx', () => {
    expect(sniffBuffer(zipWith('[Content_Types].xml'), '总结.docx')?.extension).toBe('docx');
    expect(sniffBuffer(zipWith('[Content_Types].xml'), '总结.zip')).toBeNull();
    expect(sniffBuffer(zipWith('word/document.xml'), '总结.docx')).toBeNull();
  });

  test('the OOXML marker is found across chunk boundaries; a script or text is refused', () => {
    const whole = zipWith('xx[Content_Types].xml');
    const sniffer = new FileTypeSniffer();
    for (let at = 0; at < whole.length; at += 7) sniffer.push(whole.subarray(at, at + 7));
    expect(sniffer.verdict('a.pptx')?.extension).toBe('pptx');
    expect(sniffBuffer(Buffer.from('#!/bin/sh\nrm -rf /'), '总结.pdf')).toBeNull();
    expect(sniffBuffer(Buffer.from('MZ\x90\x00'), 'a.exe')).toBeNull();
    expect(sniffBuffer(Buffer.alloc(0), 'empty.pdf')).toBeNull();
  });
});
