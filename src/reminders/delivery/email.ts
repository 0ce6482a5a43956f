import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Email over SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example.cn:587; smtps:// for implicit TLS). Nodemailer
 * encodes a Chinese subject as RFC 2047 encoded words and the body as UTF-8, as mail clients expect.
 */
export class Mailer {
  private readonly transport: Transporter | null;

  constructor(
    url: string | undefined,
    private readonly from: string,
  ) {
    this.transport = url ? nodemailer.createTransport(url) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(to: string, subject: string, text: string): Promise<void> {
    if (!this.transport)
      throw new Error('SMTP_URL is not set: email reminders cannot be sent / 未配置 SMTP_URL，无法发送邮件提醒');
    await this.transport.sendMail({ from: this.from, to, subject, text });
  }

  close(): void {
    this.transport?.close();
  }
}
