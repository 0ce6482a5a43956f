import 'reflect-metadata';
import { Body, Controller, Get, Module, Post, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';

/**
 * The yardstick for the HTTP figures: a bare NestJS 12 app on Express with the same global prefix and
 * JSON body parser as the real one, and routes that do no work: what the framework alone costs.
 */
@Controller('units')
class BareUnitsController {
  private readonly page = Array.from({ length: 25 }, (_, i) => ({
    id: randomUUID(),
    name: `单位 ${i}`,
    type: 'private_school',
    district: '城关片区',
    fullMembers: i,
  }));

  @Post()
  register(@Body() body: { name?: string }) {
    return { id: randomUUID(), name: body.name, revision: 0, position: '1' };
  }

  @Get()
  list(@Res({ passthrough: true }) response: Response) {
    response.setHeader('Content-Range', `units 0-24/${this.page.length}`);
    return this.page;
  }
}

@Module({ controllers: [BareUnitsController] })
class BareModule {}

const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: false, bodyParser: false });
app.setGlobalPrefix('api');
app.useBodyParser('json', { limit: '1mb' });
await app.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
console.log(`bare nest listening on ${await app.getUrl()}`);
