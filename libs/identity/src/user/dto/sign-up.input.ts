import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Role, SELF_SERVICE_ROLES } from '@cc/auth';
import { OfficialRoleRequestInput } from '../../role-request/dto/official-role-request.input';
import { Trim } from '@cc/graphql';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const SIGN_UP_ROLES: readonly Role[] = [...SELF_SERVICE_ROLES, Role.OFFICIAL];

export class PasswordRules {
  static readonly min = MinLength(PASSWORD_MIN_LENGTH, {
    message: `$property must be at least ${PASSWORD_MIN_LENGTH} characters`,
  });
  static readonly max = MaxLength(PASSWORD_MAX_LENGTH, {
    message: `$property must be at most ${PASSWORD_MAX_LENGTH} characters`,
  });
}

@InputType()
export class SignUpInput {
  @Field()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters.` })
  @IsString()
  @PasswordRules.min
  @PasswordRules.max
  password!: string;

  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(80)
  displayName!: string;

  @Field(() => [Role], {
    description:
      'TALENT, MANUFACTURER, RETAILER and INCUBATOR are taken at once. OFFICIAL creates a request ' +
      'an ADMIN decides (give officialRequest). ADMIN cannot be asked for.',
  })
  @ArrayNotEmpty({ message: 'roles must name at least one role' })
  @ArrayUnique()
  @ArrayMaxSize(5)
  @IsEnum(Role, { each: true })
  @IsIn(SIGN_UP_ROLES, {
    each: true,
    message: `roles may contain only ${SIGN_UP_ROLES.join(', ')}; ADMIN is granted, never requested`,
  })
  roles!: Role[];

  @Field(() => OfficialRoleRequestInput, {
    nullable: true,
    description: 'Required when roles contains OFFICIAL.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficialRoleRequestInput)
  officialRequest?: OfficialRoleRequestInput;
}
