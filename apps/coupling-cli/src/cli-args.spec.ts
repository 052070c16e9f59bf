import { CliUsageError, parseArgs } from './cli-args';

describe('parseArgs', () => {
  it('reads --model and --data in either order and in --key=value form', () => {
    expect(parseArgs(['--model', 'm.json', '--data', 'd.csv'])).toEqual({
      help: false,
      modelPath: 'm.json',
      dataPath: 'd.csv',
    });
    expect(parseArgs(['--data=d.csv', '--model=m.json'])).toEqual({
      help: false,
      modelPath: 'm.json',
      dataPath: 'd.csv',
    });
  });

  it('recognises --help', () => {
    expect(parseArgs(['--help'])).toEqual({ help: true });
    expect(parseArgs(['-h'])).toEqual({ help: true });
  });

  it.each([
    [[], /missing --model/],
    [['--model', 'm.json'], /missing --data/],
    [['--data', 'd.csv'], /missing --model/],
    [['--model'], /--model needs a file path/],
    [['--model', '--data', 'd.csv'], /--model needs a file path/],
    [['--model=', '--data', 'd.csv'], /--model needs a file path/],
    [['--model', 'a', '--model', 'b', '--data', 'd'], /--model is given twice/],
    [['--model', 'm.json', '--data', 'd.csv', 'extra'], /unexpected argument "extra"/],
    [['--verbose'], /unexpected argument "--verbose"/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(CliUsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
