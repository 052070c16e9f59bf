import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '@cc/graphql';

@ArgsType()
export class LoginArgs {
  @Field()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

@ArgsType()
export class RefreshSessionArgs {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}

@ArgsType()
export class LogoutArgs {
  @Field({
    defaultValue: false,
    description: 'End every session of the account, not just this one.',
  })
  @IsOptional()
  @IsBoolean()
  everywhere!: boolean;
}
