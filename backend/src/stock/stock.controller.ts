import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { VehicleDto, VehicleListPage, VehicleWithDealsDto } from '@autofunnel/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ListVehiclesQuery } from './dto/list-vehicles.query.js';
import { CreateVehicleDto, UpdateVehicleDto } from './dto/vehicle.dto.js';
import { StockService } from './stock.service.js';

/** Everyone signed in reads the stock; team leads and admins keep it. */
@ApiTags('stock')
@ApiBearerAuth()
@Controller('vehicles')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  list(@Query() query: ListVehiclesQuery): Promise<VehicleListPage> {
    return this.stock.list(query);
  }

  @Get(':id')
  get(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<VehicleWithDealsDto> {
    return this.stock.get(caller, id);
  }

  @Post()
  @Roles('admin', 'lead')
  @ApiBadRequestResponse({ description: 'A field is invalid, e.g. the VIN (length, I/O/Q, check digit)' })
  @ApiConflictResponse({ description: 'Another vehicle has this VIN' })
  create(@Body() body: CreateVehicleDto): Promise<VehicleDto> {
    return this.stock.create(body);
  }

  @Patch(':id')
  @Roles('admin', 'lead')
  @ApiConflictResponse({ description: 'version is stale, or another vehicle has this VIN' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateVehicleDto): Promise<VehicleDto> {
    return this.stock.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'lead')
  @ApiConflictResponse({ description: 'Offers or test drives name the vehicle: mark it sold instead' })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.stock.remove(id);
  }
}
