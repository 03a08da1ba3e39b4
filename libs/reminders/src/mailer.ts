import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@app/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /**
   * The same for every send of one message, so a mail system that got it twice (a worker that died
   * between the SMTP server's answer and recording it) can drop the second copy.
   */
  messageId: string;
}

/** SMTP through nodemailer, when SMTP_URL is set. Errors propagate, so the e-mail job is retried. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.SMTP_URL;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not set: e-mail is off');
    this.transport ??= createTransport(this.config.SMTP_URL);
    await this.transport.sendMail({
      from: this.config.SMTP_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
